import Foundation

/// The whole record as JSON (`attendoc export`): cases with every version, register imports with
/// their mark changes, and every document issued with its archived files' SHA-256.
public struct WorkspaceExport: Sendable, Codable {
    public var cases: [ExportedCase]
    public var registerImports: [RegisterImportRecord]
    public var issuedDocuments: [IssuedDocument]

    public struct ExportedCase: Sendable, Codable {
        public var recorded: RecordedCase
        public var versions: [CaseVersion]
        public var markChanges: [MarkChange]
    }
}

extension Workspace {
    public func export() throws(WorkspaceError) -> WorkspaceExport {
        var cases: [WorkspaceExport.ExportedCase] = []
        for recorded in try recordedCases() {
            cases.append(.init(recorded: recorded, versions: try versions(of: recorded.reference),
                               markChanges: try recorded.upn.map { (upn) throws(WorkspaceError) in try markChanges(for: upn) } ?? []))
        }
        return WorkspaceExport(cases: cases, registerImports: try registerImports(), issuedDocuments: try allIssuedDocuments())
    }

    /// The export as JSON with sorted keys, the same bytes for the same record.
    public func exportJSON() throws(WorkspaceError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(try export())
        } catch let error as WorkspaceError {
            throw error
        } catch {
            throw WorkspaceError("the record could not be written as JSON")
        }
    }
}
