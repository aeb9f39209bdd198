// libFuzzer target: arbitrary bytes as an Excel workbook (built by Scripts/fuzz.sh, not by SwiftPM).
//
// The input is written to a scratch file (the zip reader reads a file through its central directory) and read
// through `InputOpener.open(path:)`, which hands a zip to `XLSXReader`: the zip directory, stored and deflated
// members with their CRC-32 checks, the workbook, relationships, shared strings, styles and the sheet's XML.
// Every record is read to the end (`FuzzRecordDrain`'s checks: field offsets within the record, only
// `ContactStatError` thrown). The seeds (`Fixtures/fuzz/xlsx/`) include workbooks of stored members, so the
// fuzzer reaches the XML directly, and deflated ones saved by LibreOffice.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The scratch file of this process.
private let scratchPath = "/tmp/contactstat-fuzz-xlsx-\(getpid()).xlsx"

@_cdecl("LLVMFuzzerTestOneInput")
public func xlsxReaderFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let fd = open(scratchPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    precondition(fd >= 0, "cannot write the scratch file \(scratchPath)")
    var written = 0
    while written < size {
        let count = write(fd, data + written, size - written)
        precondition(count > 0, "cannot write the scratch file")
        written += count
    }
    close(fd)
    let limits = ReaderLimits(maxRecordBytes: 4096, maxFields: 256, maxJSONDepth: 16)
    FuzzRecordDrain.drain(path: scratchPath, options: ReaderOptions(limits: limits))
    return 0
}
