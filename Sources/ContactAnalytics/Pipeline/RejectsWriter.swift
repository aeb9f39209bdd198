import Foundation

/// Writes rejected records to a CSV file: `file,line,reason,column`, then the record's own fields as they
/// were read, one per column (the header row carries the first rejecting file's column names). Buffered;
/// flushed at 256 KiB and on `close()`.
struct RejectsWriter {
    private let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let writer = CSVWriter()
    private var wroteHeader = false
    /// Names the settings a reason refers to.
    private let names: SettingNames

    init(path: String, names: SettingNames = .plain) throws {
        self.path = path
        self.names = names
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw ContactStatError(.io, "cannot create the rejects file", at: path)
        }
        self.handle = handle
    }

    mutating func write(file: String, _ rejected: RejectedRecord, header: [String]) throws {
        if !wroteHeader {
            writer.appendRow(["file", "line", "reason", "column"] + header, to: &buffer)
            wroteHeader = true
        }
        writer.appendRow([file, String(rejected.line), rejected.reason.rendered(names), rejected.column ?? ""] + rejected.fields, to: &buffer)
        if buffer.count >= 256 * 1024 { try flush() }
    }

    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw ContactStatError(.io, "cannot write the rejects file: \(error.localizedDescription)", at: path)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func close() throws {
        if !wroteHeader { writer.appendRow(["file", "line", "reason", "column"], to: &buffer) }
        try flush()
        try? handle.close()
    }
}
