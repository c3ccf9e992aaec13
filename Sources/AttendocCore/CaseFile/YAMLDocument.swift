import Foundation
import Yams

/// Opening a YAML file as the fields of its top-level mapping.
enum YAMLDocument {
    static func fields(of url: URL) throws(CaseFileError) -> YAMLFields {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw CaseFileError(file: url.path, line: nil, column: nil, field: "", message: "cannot be read: \(error.localizedDescription)")
        }
        return try fields(of: text, file: url.path)
    }

    static func fields(of text: String, file: String) throws(CaseFileError) -> YAMLFields {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw CaseFileError(file: file, line: nil, column: nil, field: "", message: "is empty; see docs/ for the fields it needs")
            }
            root = node
        } catch let error as CaseFileError {
            throw error
        } catch let error as YamlError {
            throw CaseFileReader.describe(error, file: file)
        } catch {
            throw CaseFileError(file: file, line: nil, column: nil, field: "", message: "is not valid YAML: \(error)")
        }
        return try YAMLFields(root, file: file, path: "")
    }
}
