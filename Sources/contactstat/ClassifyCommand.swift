import ArgumentParsing
import ContactAnalytics
import Foundation

/// `contactstat classify FILE...`: the contacts' rows as CSV with `cause`, `process`, `avoidable` and
/// `repeat` added. Whether a contact is a repeat depends on contacts anywhere in the input (it may be sorted
/// any way), so the input is read twice: once to classify and settle repeats, once to write the rows.
/// Standard input and other inputs that cannot be read twice (named pipes) are copied to temporary files
/// for that (`InputSpool`). Rejected records and dropped duplicates are not
/// written (they are not contacts); the header is the first file's, with every key a JSON file shows anywhere
/// (a record written before a key first appears has that column empty).
enum ClassifyCommand {
    static func run(_ command: ParsedCommand) throws -> Int32 {
        var settings = try RunSettings(command)
        let spool = try InputSpool.spooling(settings.ingest)
        defer { spool?.1.remove() }
        if let (spooled, _) = spool { settings.ingest = spooled }
        let taxonomy = try settings.taxonomy()
        let result = try ContactAnalysis.run(settings.analysis(profile: false, taxonomy: taxonomy), keepCauses: true)
        try settings.finishIngest(result)
        let repeats = result.repeatFlags, duplicates = result.duplicateFlags
        // One header for the output: the first file's columns as finally known (JSON finds keys as it reads).
        let header = result.ingest.files.first?.header ?? []

        var delimiter = UInt8(ascii: ",")
        if let text = command.value("csv-delimiter") {
            guard let byte = CSVOutputOptions.parseDelimiter(text) else {
                throw ContactStatError(.usage, "--csv-delimiter expects , ; tab or |")
            }
            delimiter = byte
        }
        let writer = CSVWriter(delimiter: delimiter)
        var buffer: [UInt8] = command.flag("bom") ? [0xEF, 0xBB, 0xBF] : []
        let destination = OutputDestination(command.value("output"))
        let output = try destination.stream()
        var wroteHeader = false
        var index = 0
        // The second pass sees exactly the contacts of the first, in the same order.
        var second = settings.ingest
        second.rejectsPath = nil
        _ = try ContactIngest.run(second) { _, raw, _ in
            if !wroteHeader {
                writer.appendRow(header + ["cause", "process", "avoidable", "repeat"], to: &buffer)
                wroteHeader = true
            }
            defer { index += 1 }
            // A duplicate contact_id is dropped (the last occurrence is kept), as in the report.
            if index < duplicates.count, duplicates[index] { return }
            let cause = index < result.causes.count ? result.taxonomy.cause(result.causes[index]) : nil
            let isRepeat = index < repeats.count && repeats[index]
            // JSON finds its keys as it reads: a record before a key's first appearance has fewer fields than the
            // header (new keys come last), so it is padded with empty values to stay in its columns.
            var fields = raw.strings
            if fields.count < header.count { fields += Array(repeating: "", count: header.count - fields.count) }
            writer.appendRow(fields + [cause?.path ?? "unclassified", cause?.process ?? CauseDescriptor.unclassified.process,
                                            cause?.avoidable == true ? "true" : "false", isRepeat ? "true" : "false"],
                             to: &buffer)
            if buffer.count > 1 << 18 {
                try output.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try output.write(buffer)
        try output.close()
        return settings.exitStatus(result)
    }
}
