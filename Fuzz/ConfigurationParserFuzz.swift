// libFuzzer target: arbitrary bytes as a configuration file (built by Scripts/fuzz.sh): the JSON5-ish
// parser, then the typed configuration, then the taxonomy it configures. Each stage may reject the input
// with a `ContactStatError`; a trap, a sanitizer report or another error type is a finding.

@_cdecl("LLVMFuzzerTestOneInput")
public func configurationParserFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let node = try ConfigurationParser.parse(bytes: bytes, file: "fuzz.json")
        let configuration = try ContactStatConfiguration(node: node, file: "fuzz.json")
        _ = try Taxonomy.configured(from: configuration.taxonomy)
    } catch is ContactStatError {
        return 0
    } catch {
        preconditionFailure("unexpected error type: \(error)")
    }
    return 0
}
