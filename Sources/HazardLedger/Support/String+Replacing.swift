import Foundation

extension String {
    /// The string with the first occurrence of `target` replaced (SQL placeholder renaming).
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
