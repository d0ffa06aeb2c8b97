import GRDB

extension SQLValue {
    /// As GRDB binds it.
    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .integer(let n): n.databaseValue
        case .real(let d): d.databaseValue
        case .text(let s): s.databaseValue
        }
    }
}

extension SQLQuery {
    var statementArguments: StatementArguments { StatementArguments(arguments.map(\.databaseValue)) }
}

/// A GRDB row read by column name; a value of another type than asked is a corrupt row.
struct SQLiteRowReading: RowReading {
    let row: Row

    func text(_ column: String) throws -> String? {
        let value: DatabaseValue = row[column]
        switch value.storage {
        case .null: return nil
        case .string(let s): return s
        default: throw LedgerError(.corruptRow, "column \(column) is not text")
        }
    }

    func integer(_ column: String) throws -> Int64? {
        let value: DatabaseValue = row[column]
        switch value.storage {
        case .null: return nil
        case .int64(let n): return n
        default: throw LedgerError(.corruptRow, "column \(column) is not an integer")
        }
    }
}
