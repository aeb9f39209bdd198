/// A renderer turns a computed ``ContactReport`` into one output format. Renderers only present: they never
/// compute metrics beyond presentation (narrative sentences, ranking of top rows, sums of shown rows).
/// Rendering is deterministic: the same report and options give the same text, byte for byte.
public protocol ReportRenderer: Sendable {
    /// The options the renderer was made with.
    var options: ReportRenderOptions { get }
    /// A renderer with these options.
    init(options: ReportRenderOptions)
    /// The whole report as one document (UTF-8 text; a CSV BOM, if asked for, is its first character).
    func render(_ report: ContactReport) -> String
}
