/// The Chinese name of each shipped checklist sector (`checklists/<sector>/`), for reports an
/// official reads; any other sector id is shown as it is.
enum SectorLabel {
    static let chinese: [String: String] = [
        "hazardous-chemicals": "危险化学品",
        "construction": "房屋市政工程",
        "fire-safety": "消防",
        "mining": "矿山",
        "gas": "城镇燃气",
        "special-equipment": "特种设备",
        "road-transport": "道路运输",
        "waterway-transport": "水路运输",
        "industry-trade": "工贸",
    ]

    /// The sector as `language` shows it.
    static func name(_ sector: String, in language: OutputLanguage) -> String {
        language == .zh ? chinese[sector] ?? sector : sector
    }
}
