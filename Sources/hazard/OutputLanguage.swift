import ArgumentParser

/// The language of a CSV's headers and values: Chinese for the official who opens it in
/// Excel (`重大`, `整改中`), or the codes the ledger and RPC use (`major`, `rectifying`).
enum OutputLanguage: String, ExpressibleByArgument, CaseIterable {
    case zh, en

    /// `zh` or `en`, whichever this language is.
    func pick(_ zh: String, _ en: String) -> String { self == .zh ? zh : en }
}
