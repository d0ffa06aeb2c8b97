public import Foundation

/// The package root (the folder holding Package.swift), so tests can name shipped files
/// (checklists, examples) wherever the checkout is.
public enum PackageRoot {
    /// Tests/TestSupport/<this file> → the root, three components up.
    public static let url: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()
}
