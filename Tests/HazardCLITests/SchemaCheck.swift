import Foundation
import HazardJSON

/// Checks a document against the JSON Schema (2020-12) subset `rpc/schema/generate.py` writes:
/// `type`, `properties`, `required`, `additionalProperties` (false or a schema), `items`,
/// `enum`, `const`, `anyOf`, `pattern`, `minLength`, `minimum`, `maximum` and local `$ref`s.
/// A keyword outside that subset is itself reported, so a schema the checker cannot read
/// never passes silently. Returns every violation as `path: what`.
struct SchemaCheck {
    let root: JSONValue

    static let understood: Set<String> = [
        "$schema", "$id", "$defs", "title", "type", "properties", "required", "additionalProperties", "items",
        "enum", "const", "anyOf", "pattern", "minLength", "minimum", "maximum", "$ref",
    ]

    func violations(of value: JSONValue) -> [String] {
        var found: [String] = []
        check(value, against: root, at: "$", into: &found)
        return found
    }

    private func check(_ value: JSONValue, against schema: JSONValue, at path: String, into found: inout [String]) {
        guard let members = schema.members else { return }   // `{}` and `true` accept anything
        for member in members where !Self.understood.contains(member.key) {
            found.append("\(path): schema keyword '\(member.key)' is not understood by this checker")
        }
        if let ref = schema["$ref"]?.string {
            guard ref.hasPrefix("#/"), let target = resolve(ref) else {
                found.append("\(path): cannot resolve $ref \(ref)")
                return
            }
            check(value, against: target, at: path, into: &found)
        }
        if let type = schema["type"] {
            let allowed = type.array?.compactMap(\.string) ?? [type.string].compactMap { $0 }
            guard allowed.contains(where: { Self.matches(value, type: $0) }) else {
                found.append("\(path): \(Self.describe(value)) is not \(allowed.joined(separator: " or "))")
                return
            }
        }
        if let options = schema["enum"]?.array, !options.contains(where: { Self.equal($0, value) }) {
            found.append("\(path): \(Self.describe(value)) is not one of \(JSONWriter.string(.array(options)))")
        }
        if let constant = schema["const"], !Self.equal(constant, value) {
            found.append("\(path): \(Self.describe(value)) is not \(JSONWriter.string(constant))")
        }
        if let alternatives = schema["anyOf"]?.array {
            let passes = alternatives.contains { alternative in
                var inner: [String] = []
                check(value, against: alternative, at: path, into: &inner)
                return inner.isEmpty
            }
            if !passes { found.append("\(path): \(Self.describe(value)) matches none of anyOf") }
        }
        if case .string(let text) = value {
            if let pattern = schema["pattern"]?.string, text.range(of: pattern, options: .regularExpression) == nil {
                found.append("\(path): \"\(text)\" does not match \(pattern)")
            }
            if let minimum = schema["minLength"]?.numberValue?.int, text.count < minimum {
                found.append("\(path): \"\(text)\" is shorter than \(minimum)")
            }
        }
        if case .number(let number) = value {
            if let minimum = schema["minimum"]?.numberValue?.double, number.double < minimum {
                found.append("\(path): \(number) is below \(minimum)")
            }
            if let maximum = schema["maximum"]?.numberValue?.double, number.double > maximum {
                found.append("\(path): \(number) is above \(maximum)")
            }
        }
        if case .array(let items) = value, let itemSchema = schema["items"] {
            for (i, item) in items.enumerated() { check(item, against: itemSchema, at: "\(path)[\(i)]", into: &found) }
        }
        if case .object(let fields) = value {
            let properties = schema["properties"]?.members ?? []
            for name in schema["required"]?.array?.compactMap(\.string) ?? [] where !fields.contains(where: { $0.key == name }) {
                found.append("\(path): required member '\(name)' is missing")
            }
            for field in fields {
                if let property = properties.first(where: { $0.key == field.key }) {
                    check(field.value, against: property.value, at: "\(path).\(field.key)", into: &found)
                } else if let extra = schema["additionalProperties"] {
                    if extra == .bool(false) {
                        found.append("\(path): member '\(field.key)' is not in the schema")
                    } else {
                        check(field.value, against: extra, at: "\(path).\(field.key)", into: &found)
                    }
                }
            }
        }
    }

    private func resolve(_ ref: String) -> JSONValue? {
        var node: JSONValue? = root
        for part in ref.dropFirst(2).split(separator: "/") { node = node?[String(part)] }
        return node
    }

    private static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array), ("object", .object): true
        case ("integer", .number(let n)): n.int64 != nil || (n.double.rounded() == n.double && n.double.isFinite)
        default: false
        }
    }

    private static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if case .number(let x) = a, case .number(let y) = b { return x.double == y.double }
        return a == b
    }

    private static func describe(_ value: JSONValue) -> String {
        let text = JSONWriter.string(value)
        return text.count > 60 ? String(text.prefix(57)) + "…" : text
    }
}
