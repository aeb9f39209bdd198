import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A deterministic synthetic help-desk export (CSV) for demos, tests and benchmarks:
/// `contactstat generate --rows N --seed S`.
///
/// The output is RFC 4180 CSV in UTF-8 without BOM, LF line endings, a header line and exactly
/// `configuration.rows` data rows, in order of `created_at` with ticket ids `T00000001`, `T00000002`, ...
/// (at least 8 digits). The same configuration gives byte-identical output on every platform; nothing
/// depends on the clock, the locale, hashing seeds or the platform's maths library.
///
/// Columns (`columns`): `ticket_id, created_at, closed_at, customer_id, channel, subject, status,
/// handle_time, csat, agent, queue, language`. Timestamps are ISO 8601 UTC (`2026-01-05T09:12:33Z`);
/// `closed_at` is empty for `open` and `pending` tickets; `handle_time` is whole seconds, empty when no
/// agent handled the contact; `csat` is 1-5 or empty; `language` is `en` or `fi`. A field is quoted exactly
/// when it contains a comma, a double quote, CR or LF (only subjects do), with inner quotes doubled.
/// How the contacts are simulated is described on `ContactSimulator`.
///
/// Output is produced in one pass through a reused buffer of about 256 KiB, so memory stays flat whatever
/// the row count (apart from the queue of pending follow-ups, bounded by a week of contacts).
public struct SyntheticExport: Sendable {
    /// The header's column names, in order (repeating text).
    public static let columns = [
        "ticket_id", "created_at", "closed_at", "customer_id", "channel", "subject", "status", "handle_time",
        "csat", "agent", "queue", "language",
    ]

    /// The header's column names for a text style: realistic text adds `description` (the body, empty on
    /// about two thirds of the rows) after `subject`.
    public static func columns(for text: SyntheticTextStyle) -> [String] {
        switch text {
        case .repeating: columns
        case .realistic:
            Array(columns[...5]) + ["description"] + Array(columns[6...])
        }
    }

    /// The buffer is handed to the sink whenever it holds at least this many bytes (256 KiB).
    public static let defaultChunkSize = 262_144

    /// What is generated.
    public let configuration: SyntheticExportConfiguration

    /// An export for `configuration`; throws the `.usage` error of `configuration.validate()`.
    public init(_ configuration: SyntheticExportConfiguration) throws(ContactStatError) {
        try configuration.validate()
        self.configuration = configuration
    }

    /// Generates the export and passes it to `sink` in consecutive chunks of about `chunkSize` bytes
    /// (the last one shorter); every chunk ends after a whole row (the first one after the header).
    /// The pointer is valid only during the call. Errors thrown by `sink` stop generation and are rethrown.
    public func write(
        chunkSize: Int = SyntheticExport.defaultChunkSize, to sink: (UnsafeRawBufferPointer) throws -> Void
    ) rethrows {
        let threshold = max(1, chunkSize)
        let buffer = CSVByteBuffer(capacity: threshold + 4096)
        let scratch = CSVByteBuffer(capacity: 1024)
        var simulator = ContactSimulator(configuration: configuration)
        let texts = SyntheticExportTexts(
            queues: simulator.queues, columns: SyntheticExport.columns(for: configuration.text))
        let realistic = configuration.text == .realistic ? RealisticTextWriter(seed: configuration.seed) : nil
        let ticketWidth = max(8, SyntheticExport.digitCount(configuration.rows))
        let customerWidth = max(7, SyntheticExport.digitCount(configuration.effectiveCustomerCount))
        let comma = UInt8(ascii: ",")

        buffer.append(texts.header)
        while let contact = simulator.next() {
            buffer.append(UInt8(ascii: "T"))
            buffer.appendDecimal(contact.ticket, width: ticketWidth)
            buffer.append(comma)
            buffer.appendTimestamp(epochSeconds: contact.openedAt)
            buffer.append(comma)
            if let closedAt = contact.closedAt { buffer.appendTimestamp(epochSeconds: closedAt) }
            buffer.append(comma)
            buffer.append(UInt8(ascii: "C"))
            buffer.appendDecimal(contact.customerNumber, width: customerWidth)
            buffer.append(comma)
            buffer.append(texts.channels[contact.channel])
            buffer.append(comma)
            let subject = texts.subject(family: contact.family, finnish: contact.isFinnish, phrasing: contact.phrasing)
            if let realistic {
                scratch.reset()
                realistic.writeSubject(subject, finnish: contact.isFinnish, into: scratch)
                scratch.withBytes { buffer.appendField($0) }
                buffer.append(comma)
                if realistic.hasBody(channel: contact.channel) {
                    realistic.writeBody(subject, finnish: contact.isFinnish, into: buffer)
                }
            } else if case .none = contact.decoration {
                buffer.appendField(subject)
            } else {
                scratch.reset()
                texts.compose(subject, decoration: contact.decoration, finnish: contact.isFinnish, into: scratch)
                scratch.withBytes { buffer.appendField($0) }
            }
            buffer.append(comma)
            buffer.append(texts.statuses[Int(contact.status.rawValue)])
            buffer.append(comma)
            if let handleTime = contact.handleTime { buffer.appendDecimal(handleTime) }
            buffer.append(comma)
            if let csat = contact.csat { buffer.appendDecimal(csat) }
            buffer.append(comma)
            if let agent = contact.agent {
                buffer.append(texts.agentPrefix)
                buffer.appendDecimal(agent, width: 2)
            }
            buffer.append(comma)
            buffer.append(texts.queues[simulator.familyQueue[contact.family]])
            buffer.append(comma)
            buffer.append(contact.isFinnish ? texts.finnish : texts.english)
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count >= threshold { try buffer.drain(into: sink) }
        }
        try buffer.drain(into: sink)
    }

    /// Generates the export into memory. Meant for tests and small exports; use `write(to:)` for large ones.
    public func bytes() -> [UInt8] {
        var result: [UInt8] = []
        write { result.append(contentsOf: $0) }
        return result
    }

    /// Generates the export into an open file descriptor (for example 1, standard output), retrying
    /// interrupted and partial writes. Throws an `.io` error naming the system error when writing fails.
    public func write(toFileDescriptor descriptor: Int32) throws(ContactStatError) {
        do {
            try write { chunk in
                guard var pointer = chunk.baseAddress else { return }
                var remaining = chunk.count
                while remaining > 0 {
                    let written = SyntheticExport.systemWrite(descriptor, pointer, remaining)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw ContactStatError(
                            .io, "cannot write the generated export: \(String(cString: strerror(errno)))")
                    }
                    pointer += written
                    remaining -= written
                }
            }
        } catch let error as ContactStatError {
            throw error
        } catch {
            throw ContactStatError(.io, "cannot write the generated export: \(error)")
        }
    }

    private static func systemWrite(_ descriptor: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            return Glibc.write(descriptor, pointer, count)
        #elseif canImport(Musl)
            return Musl.write(descriptor, pointer, count)
        #elseif canImport(Darwin)
            return Darwin.write(descriptor, pointer, count)
        #else
            return -1
        #endif
    }

    static func digitCount(_ value: Int) -> Int {
        var digits = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        return digits
    }
}
