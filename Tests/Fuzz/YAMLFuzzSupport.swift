// Shared by the YAML fuzz targets (AnswersFileFuzz.swift, ChecklistLoaderFuzz.swift), which are
// compiled together with HazardCore, HazardYAML and the shipped plugins into one module named
// HazardCore (so the plugins' `import HazardCore` names the module itself; see run-*-fuzz.sh).

let fuzzFile = "fuzz.yaml"

/// The shipped plugins, as `BuiltinPlugins.registry` lists them.
let shippedRegistry = PluginRegistry([
    FireSafetyPlugin(), FireSafety2025Plugin(), SpecialEquipmentPlugin(), HazardousChemicalsPlugin(),
    ConstructionPlugin(), TransportPlugin(), MiningPlugin(),
])

/// Checks that a failure to read `bytes` is located: at least one diagnostic, each naming the
/// file, at a line that exists (libyaml counts CR, LF, CRLF, NEL, LS and PS as breaks, and may
/// point one line past the last) and a column ≥ 1.
func checkLocated(_ error: ChecklistError, in bytes: UnsafeBufferPointer<UInt8>) {
    guard !error.diagnostics.isEmpty else { fatalError("a failure with no diagnostic") }
    var breaks = 0
    for (i, b) in bytes.enumerated() {
        if b == 0x0A || b == 0x0D || (b == 0x85 && i > 0 && bytes[i - 1] == 0xC2)
            || ((b == 0xA8 || b == 0xA9) && i > 1 && bytes[i - 1] == 0x80 && bytes[i - 2] == 0xE2) { breaks += 1 }
    }
    for d in error.diagnostics {
        guard d.mark.file == fuzzFile, d.mark.line >= 1, d.mark.line <= breaks + 2, d.mark.column >= 1, d.mark.column <= bytes.count + 1 else {
            fatalError("diagnostic outside the input (\(bytes.count) bytes, \(breaks) line breaks): \(d)")
        }
    }
}
