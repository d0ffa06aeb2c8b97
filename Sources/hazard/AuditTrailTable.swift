import Foundation
import HazardCore
import HazardLedger

/// A hazard's audit trail (its hash-chained events) as a table an auditor reads: sequence,
/// time (UTC), effective day, actor, role, event, hash prefix, and the event's details.
enum AuditTrailTable {
    static let header = ["序号", "时间(UTC)", "生效日", "操作人", "角色", "事件", "哈希", "详情"]

    static func render(_ events: [ChainedEvent]) -> [String] {
        Table.trimmedRender([header] + events.map { e in
            [String(e.seq), time(e.at), e.day.description, e.actor.name, e.actor.role, eventName(e.kind), String(e.hash.prefix(12)), details(e.payload)]
        })
    }

    /// `2026-11-20T08:30:00Z`: to the second; the milliseconds are in `--json`.
    static func time(_ at: Timestamp) -> String { String(at.description.prefix(19)) + "Z" }

    static func eventName(_ kind: String) -> String {
        let names = ["reported": "登记", "planned": "整改方案", "rectified": "整改完成", "verified": "验收销号",
                     "rejected": "验收不通过", "supervised": "挂牌督办", "unsupervised": "摘牌"]
        return names[kind].map { "\($0) \(kind)" } ?? kind
    }

    /// The payload's members as `名称=值` separated by `；`, Chinese names for the lifecycle's
    /// own fields, SHA-256 digests cut to 12 characters and the evidence left to the 依据 line
    /// above the table (`--json` has every byte); the raw payload when it is not a JSON object.
    static func details(_ payload: String) -> String {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(payload.utf8))) as? [String: Any] else { return payload }
        let names = ["responsible": "责任人", "measures": "措施", "funds": "资金", "deadline": "时限", "contingency": "预案",
                     "note": "备注", "reason": "原因", "authority": "督办单位", "grade": "等级", "acting": "凭据"]
        return object.keys.sorted().compactMap { key -> String? in
            guard key != "evidence", var value = text(object[key]) else { return nil }
            if value.utf8.count == 64, value.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) {
                value = String(value.prefix(12)) + "…"
            }
            return "\(names[key] ?? key)=\(value)"
        }.joined(separator: "；")
    }

    private static func text(_ value: Any?) -> String? {
        switch value {
        case nil, is NSNull: return nil
        case let s as String: return s
        case let n as NSNumber:
            // JSONSerialization gives Booleans as NSNumbers of type `c` (char); numbers parsed
            // from JSON are never chars.
            if String(cString: n.objCType) == "c" { return n.boolValue ? "true" : "false" }
            return n.stringValue
        case let list as [Any]: return list.compactMap { text($0) }.joined(separator: "、")
        case let object as [String: Any]:
            return object.keys.sorted().compactMap { k in text(object[k]).map { "\(k):\($0)" } }.joined(separator: ",")
        default: return value.map { "\($0)" }
        }
    }
}
