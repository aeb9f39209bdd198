// libFuzzer target: arbitrary bytes through the DEFLATE inflater and the gzip decoder (built by Scripts/fuzz.sh,
// not by SwiftPM).
//
// The first byte is the control: its top bit picks a raw DEFLATE stream (`Inflater`) or a gzip file
// (`GzipDecoder`); its low six bits the chunk size the compressed bytes arrive in (1...64) and, with the next
// bit, the most bytes asked for at once. The rest is the compressed input. Checks beyond "no crash, no
// sanitizer report":
// - only `InflateProblem` (raw) or `ContactStatError` (gzip) is thrown; the compressed offsets stay in the input;
// - the same input read whole, in one large piece, gives the same bytes and the same error (chunking and the
//   size of the pieces asked for change nothing; before an error, how much was delivered depends on the pieces
//   asked for, so there one output must be the start of the other);
// - raw streams are compared with the system's zlib (`inflateInit2(-15)`, loaded with dlopen when it is
//   there): zlib decodes the stream to its end exactly when the inflater does, with the same bytes, and when
//   both refuse it they say the same (the inflater's messages are zlib's words); a stream cut short is
//   `truncated` for the inflater and unfinished for zlib.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func inflaterFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let control = data[0]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let chunkSize = Int(control & 0x3F) + 1
    let limit = control & 0x40 == 0 ? chunkSize : 1 + Int(control & 0x3F) * 97
    if control & 0x80 == 0 {
        let chunked = rawInflate(bytes, chunkSize: chunkSize, limit: limit)
        let whole = rawInflate(bytes, chunkSize: 1 << 16, limit: 1 << 20)
        precondition(chunked.problem == whole.problem,
                     "chunked inflating differs: \(String(describing: chunked.problem)) vs \(String(describing: whole.problem))")
        // A stream that ends in an error delivers what was decoded before it in pieces of the size asked for, so
        // how much of it is out depends on the pieces: one output is the start of the other.
        let (shorter, longer) = chunked.output.count <= whole.output.count ? (chunked.output, whole.output) : (whole.output, chunked.output)
        precondition(whole.problem == nil ? chunked.output == whole.output : longer.starts(with: shorter),
                     "chunked inflating gives other bytes")
        if let zlib = ZlibReference.shared {
            let reference = zlib.inflateRaw(bytes)
            switch (whole.problem, reference) {
            case (nil, .finished(let output)):
                precondition(output == whole.output, "zlib decodes other bytes")
            case (.truncated?, .unfinished):
                break
            case (.invalidCodeLengthsSet?, .refused("invalid code -- missing end-of-block")),
                 (.invalidCodeLengthsSet?, .unfinished):
                // An empty code-length code: zlib reads every length as 0 and refuses later (a known quirk), or,
                // when the input ends first, is still reading lengths: it has not decided.
                break
            case (let problem?, .unfinished):
                // The inflater may refuse a stream as soon as a symbol is wrong (a repeat with no length before
                // it), where zlib first reads the symbol's extra bits and wants more input: given more (zeros),
                // zlib must refuse it in the same words.
                if case .refused(let message) = zlib.inflateRaw(bytes + [UInt8](repeating: 0, count: 64)) {
                    precondition(problem.description == message, "zlib says '\(message)' later, the inflater '\(problem)'")
                } else {
                    preconditionFailure("zlib wants more input; the inflater: \(problem)")
                }
            case (let problem?, .refused(let message)):
                precondition(problem.description == message, "zlib says '\(message)', the inflater '\(problem)'")
            default:
                preconditionFailure("zlib: \(reference); the inflater: \(String(describing: whole.problem))")
            }
        }
    } else {
        let chunked = gunzip(bytes, chunkSize: chunkSize, limit: limit)
        let whole = gunzip(bytes, chunkSize: 1 << 16, limit: 1 << 20)
        precondition(chunked == whole, "chunked gzip decoding differs: \(chunked.error ?? "") vs \(whole.error ?? "")")
    }
    return 0
}

/// What the inflater made of a raw stream: the bytes delivered and the problem it stopped at, if any.
private func rawInflate(_ bytes: [UInt8], chunkSize: Int, limit: Int) -> (output: [UInt8], problem: InflateProblem?) {
    var inflater = Inflater(source: ByteChunkSource(bytes: bytes, name: "fuzz.deflate", chunkSize: chunkSize))
    var output: [UInt8] = []
    do {
        while true {
            let before = output.count
            let count = try inflater.inflate(into: &output, limit: limit)
            precondition(count == output.count - before && count <= limit, "inflate's count is not what it appended")
            precondition(inflater.consumedBytes <= bytes.count, "consumed more than the input")
            if count == 0 { break }
        }
        precondition(inflater.isFinished, "inflate returned 0 before the final block")
        return (output, nil)
    } catch {
        precondition(inflater.consumedBytes <= bytes.count + 1, "error offset beyond the input")
        return (output, error)
    }
}

/// What the gzip decoder made of a file: its bytes and its error's text, if any.
private func gunzip(_ bytes: [UInt8], chunkSize: Int, limit: Int) -> GunzipResult {
    var decoder = GzipDecoder(source: ByteChunkSource(bytes: bytes, name: "fuzz.gz", chunkSize: chunkSize))
    var output: [UInt8] = []
    do {
        while try decoder.read(appendingTo: &output, limit: limit) > 0 {}
        return GunzipResult(output: output, error: nil)
    } catch let error as ContactStatError {
        return GunzipResult(output: [], error: "\(error)")
    } catch {
        preconditionFailure("unexpected error type: \(error)")
    }
}

private struct GunzipResult: Equatable {
    var output: [UInt8]
    var error: String?
}

/// The system's zlib, loaded at run time (no header or module map needed): raw DEFLATE decoding for comparison.
private final class ZlibReference: @unchecked Sendable {
    enum Outcome: CustomStringConvertible {
        case finished([UInt8])
        case unfinished
        case refused(String)

        var description: String {
            switch self {
            case .finished(let bytes): "finished, \(bytes.count) bytes"
            case .unfinished: "unfinished (input ended)"
            case .refused(let message): "refused: \(message)"
            }
        }
    }

    typealias InflateInit2 = @convention(c) (UnsafeMutableRawPointer, Int32, UnsafePointer<CChar>, Int32) -> Int32
    typealias Inflate = @convention(c) (UnsafeMutableRawPointer, Int32) -> Int32
    typealias InflateEnd = @convention(c) (UnsafeMutableRawPointer) -> Int32
    typealias Version = @convention(c) () -> UnsafePointer<CChar>

    static let shared: ZlibReference? = ZlibReference()

    private let initialise: InflateInit2
    private let inflate: Inflate
    private let end: InflateEnd
    private let version: UnsafePointer<CChar>

    private init?() {
        guard let library = dlopen("libz.so.1", RTLD_NOW) ?? dlopen("libz.dylib", RTLD_NOW),
              let initialise = dlsym(library, "inflateInit2_"), let inflate = dlsym(library, "inflate"),
              let end = dlsym(library, "inflateEnd"), let version = dlsym(library, "zlibVersion") else { return nil }
        self.initialise = unsafeBitCast(initialise, to: InflateInit2.self)
        self.inflate = unsafeBitCast(inflate, to: Inflate.self)
        self.end = unsafeBitCast(end, to: InflateEnd.self)
        self.version = unsafeBitCast(version, to: Version.self)()
    }

    /// `z_stream` on a 64-bit system: 112 bytes; the fields used and their offsets.
    private static let streamSize = 112
    private static let nextIn = 0, availIn = 8, nextOut = 24, availOut = 32, message = 48

    /// Decodes a raw DEFLATE stream (window bits -15) to its end, its first error, or the end of the input.
    func inflateRaw(_ bytes: [UInt8]) -> Outcome {
        let stream = UnsafeMutableRawPointer.allocate(byteCount: Self.streamSize, alignment: 8)
        stream.initializeMemory(as: UInt8.self, repeating: 0, count: Self.streamSize)
        defer { stream.deallocate() }
        guard initialise(stream, -15, version, Int32(Self.streamSize)) == 0 else { return .refused("inflateInit2 failed") }
        defer { _ = end(stream) }
        var input = bytes.isEmpty ? [0] : bytes
        var output: [UInt8] = []
        var piece = [UInt8](repeating: 0, count: 1 << 16)
        return input.withUnsafeMutableBufferPointer { inputBuffer -> Outcome in
            stream.storeBytes(of: inputBuffer.baseAddress, toByteOffset: Self.nextIn, as: UnsafeMutablePointer<UInt8>?.self)
            stream.storeBytes(of: UInt32(bytes.count), toByteOffset: Self.availIn, as: UInt32.self)
            while true {
                let status = piece.withUnsafeMutableBufferPointer { pieceBuffer -> Int32 in
                    stream.storeBytes(of: pieceBuffer.baseAddress, toByteOffset: Self.nextOut, as: UnsafeMutablePointer<UInt8>?.self)
                    stream.storeBytes(of: UInt32(pieceBuffer.count), toByteOffset: Self.availOut, as: UInt32.self)
                    return inflate(stream, 0)
                }
                let produced = piece.count - Int(stream.load(fromByteOffset: Self.availOut, as: UInt32.self))
                output += piece[..<produced]
                switch status {
                case 1: return .finished(output)  // Z_STREAM_END
                case 0 where produced > 0: continue  // Z_OK with room used up: more to come
                case 0, -5: return .unfinished  // no progress: the input ended
                default:
                    let message = stream.load(fromByteOffset: Self.message, as: UnsafePointer<CChar>?.self)
                    return .refused(message.map { String(cString: $0) } ?? "zlib status \(status)")
                }
            }
        }
    }
}
