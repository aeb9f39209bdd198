import Foundation
import Testing
@testable import ContactAnalytics

/// The taxonomy as SQL: each kind of condition, the precedence order of the `WHEN`s, and string literals that
/// cannot be broken out of, whatever a keyword, value or pattern contains.
@Suite struct TaxonomySQLCompilerTests {
    static func taxonomy(_ rules: [RootCauseRule], causes: [String] = ["a/x", "a/y", "b"]) throws -> Taxonomy {
        try Taxonomy(causes: causes.map { RootCause(path: $0, process: "P", avoidable: false) }, rules: rules)
    }

    static func compile(_ condition: RuleCondition, dialect: SQLDialect = .duckdb, fold: Bool = false) throws -> String {
        let compiled = try TaxonomySQLCompiler(dialect: dialect, foldDiacritics: fold)
            .compile(taxonomy([RootCauseRule(cause: "b", condition)]))
        // "CASE\n    -- 1. ...\n    WHEN <condition> THEN 'b'\n    ELSE ..."
        let when = try #require(compiled.expression.split(separator: "\n").first { $0.hasPrefix("    WHEN ") })
        return String(when.dropFirst("    WHEN ".count).dropLast(" THEN 'b'".count))
    }

    @Test func wordIsAWholeTokenBetweenSpaces() throws {
        #expect(try Self.compile(.keywords(["Order"])) == "(STRPOS(tk_any, ' order ') > 0)")
        #expect(try Self.compile(.keywords(["order"], field: .subject)) == "(STRPOS(tk_subject, ' order ') > 0)")
    }

    @Test func prefixHasNoSpaceAfterIt() throws {
        #expect(try Self.compile(.keywords(["Tilau*"])) == "(STRPOS(tk_any, ' tilau') > 0)")
    }

    @Test func phraseIsItsTokensInOrderAndPunctuationSplitsWords() throws {
        #expect(try Self.compile(.phrase(["where is my order"])) == "(STRPOS(tk_any, ' where is my order ') > 0)")
        // "won't" is the tokens won, t (as WordTokenizer splits it): no quote reaches the SQL.
        #expect(try Self.compile(.keywords(["won't open", "e-mail*"])) ==
                "((STRPOS(tk_any, ' won t open ') > 0) OR (STRPOS(tk_any, ' e mail') > 0))")
    }

    @Test func prefixInsideAPhraseNeedsARegularExpression() throws {
        #expect(try Self.compile(.keywords(["tilau* myöhä*"])) == "REGEXP_MATCHES(tk_any, ' tilau[^ ]* myöhä[^ ]*')")
        #expect(try Self.compile(.keywords(["late* order"]), dialect: .postgres) == "(tk_any ~ ' late[^ ]* order ')")
        #expect(try Self.compile(.keywords(["late* order"]), dialect: .spark) == "(tk_any RLIKE ' late[^ ]* order ')")
    }

    @Test func wholeValuesAreNormalisedLikeTheClassifier() throws {
        #expect(try Self.compile(.oneOf(["  Billing   Issue ", "Laskutus"], field: .queue)) ==
                "vl_queue IN ('billing issue', 'laskutus')")
        #expect(try Self.compile(.tagsContain(["VIP"])) == "(STRPOS(vl_tags, '|vip|') > 0)")
        #expect(try Self.compile(.equals("Spam", field: .anyText)) ==
                "(vl_subject IN ('spam') OR vl_text IN ('spam') OR vl_category IN ('spam') OR (STRPOS(vl_tags, '|spam|') > 0))")
    }

    @Test func regularExpressionIsCaseInsensitiveOnTheFirst4096Characters() throws {
        #expect(try Self.compile(.regex("\\bINV-[0-9]{6}\\b", field: .subject)) ==
                "REGEXP_MATCHES(rx_subject, '\\bINV-[0-9]{6}\\b', 'i')")
        #expect(try Self.compile(.regex("x", field: .text), dialect: .trino) == "REGEXP_LIKE(rx_text, '(?i)x')")
        #expect(try Self.compile(.regex("x", field: .text), dialect: .bigquery) == "REGEXP_CONTAINS(rx_text, '(?i)x')")
        #expect(try Self.compile(.regex("x", field: .text), dialect: .postgres) == "(rx_text ~* 'x')")
        let compiler = TaxonomySQLCompiler(dialect: .duckdb, foldDiacritics: false)
        #expect(compiler.definition(of: "rx_text") == "SUBSTR(text, 1, 4096)")
    }

    @Test func allAnyNot() throws {
        #expect(try Self.compile(.all([.keywords(["a"]), .not(.keywords(["b"]))])) ==
                "((STRPOS(tk_any, ' a ') > 0) AND (NOT (STRPOS(tk_any, ' b ') > 0)))")
        #expect(try Self.compile(.any([.keywords(["a"]), .keywords(["b"], field: .text)])) ==
                "((STRPOS(tk_any, ' a ') > 0) OR (STRPOS(tk_text, ' b ') > 0))")
        #expect(try Self.compile(.all([])) == "TRUE")
        #expect(try Self.compile(.any([])) == "FALSE")
    }

    @Test func whensFollowThePrecedenceOrder() throws {
        // Declared in the opposite order of precedence: declaration order loses to depth, depth to
        // specificity, specificity to priority.
        let rules = [
            RootCauseRule(cause: "b", .keywords(["first"])),                       // depth 1
            RootCauseRule(cause: "a/y", .keywords(["second"])),                    // depth 2
            RootCauseRule(cause: "b", .keywords(["third fourth"])),                // specificity 2
            RootCauseRule(cause: "a/x", priority: 5, .keywords(["fifth"])),        // priority 5
            RootCauseRule(cause: "b", .keywords(["sixth"])),                       // declared after the first
        ]
        let compiled = try TaxonomySQLCompiler(dialect: .duckdb, foldDiacritics: false).compile(Self.taxonomy(rules))
        let order = ["fifth", "third fourth", "second", "first", "sixth"].map { word in
            compiled.expression.range(of: "' \(word) '")?.lowerBound
        }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        #expect(compiled.expression.hasPrefix("CASE\n    -- 1. a/x, priority 5\n    WHEN"))
        #expect(compiled.expression.hasSuffix("\n    ELSE 'unclassified'\n  END"))
        #expect(compiled.derivedColumns == ["tk_any", "tk_category", "tk_subject", "tk_tags", "tk_text"])
        #expect(compiled.fields == ["subject", "text", "category", "tags"])
    }

    @Test func ruleNamingAnExportColumnIsLeftOut() throws {
        let rules = [RootCauseRule(cause: "b", label: "queue column", .all([.keywords(["x"]), .equals("Q", field: .column("Queue"))])),
                     RootCauseRule(cause: "a/x", .keywords(["y"], field: .channel))]
        let compiled = try TaxonomySQLCompiler(dialect: .duckdb, foldDiacritics: false).compile(Self.taxonomy(rules))
        #expect(compiled.skippedRules == ["b (queue column)"])
        #expect(!compiled.expression.contains("' x '"))
        #expect(compiled.fields == ["channel"])
        #expect(compiled.derivedColumns == ["tk_channel"])
    }

    @Test func noRulesMeansEveryContactIsUnclassified() throws {
        let compiled = try TaxonomySQLCompiler(dialect: .spark, foldDiacritics: false).compile(Self.taxonomy([]))
        #expect(compiled.expression == "'unclassified'")
        #expect(compiled.fields.isEmpty)
    }

    @Test func keywordTheClassifierRefusesIsAConfigurationError() throws {
        #expect(throws: ContactStatError.self) { try Self.compile(.keywords(["*"])) }
        #expect(throws: ContactStatError.self) { try Self.compile(.keywords(["--"])) }
    }

    @Test func foldingDiacriticsFoldsTermsAndText() throws {
        #expect(try Self.compile(.keywords(["myöhä*"]), fold: true) == "(STRPOS(tk_any, ' myoha') > 0)")
        let compiler = TaxonomySQLCompiler(dialect: .duckdb, foldDiacritics: true)
        #expect(compiler.definition(of: "tk_subject") ==
                "(' ' || REGEXP_REPLACE(STRIP_ACCENTS(LOWER(subject)), '[^\\p{L}\\p{N}\\p{M}]+', ' ', 'g') || ' ')")
    }

    @Test func derivedColumnsOfEachDialect() throws {
        let duck = TaxonomySQLCompiler(dialect: .duckdb, foldDiacritics: false)
        #expect(duck.definition(of: "tk_tags") ==
                "(' ' || REGEXP_REPLACE(REPLACE(LOWER(tags), '|', ' | '), '[^\\p{L}\\p{N}\\p{M}|]+', ' ', 'g') || ' ')")
        #expect(duck.definition(of: "vl_queue") == "TRIM(REGEXP_REPLACE(LOWER(queue), '[\\t-\\r\\x{85}\\p{Z}]+', ' ', 'g'))")
        #expect(duck.definition(of: "tk_any") == "(tk_subject || '|' || tk_text || '|' || tk_category || '|' || tk_tags)")
        let postgres = TaxonomySQLCompiler(dialect: .postgres, foldDiacritics: false)
        #expect(postgres.definition(of: "tk_text") == "(' ' || REGEXP_REPLACE(LOWER(text), '[^[:alnum:]]+', ' ', 'g') || ' ')")
        let spark = TaxonomySQLCompiler(dialect: .spark, foldDiacritics: false)
        // Spark reads backslashes in literals as escapes: doubled.
        #expect(spark.definition(of: "tk_text") == "CONCAT(' ', REGEXP_REPLACE(LOWER(text), '[^\\\\p{L}\\\\p{N}\\\\p{M}]+', ' '), ' ')")
    }
}

/// String literals and identifiers: whatever the text, the literal read back by the engine's rules is the text,
/// and it ends where it should.
@Suite struct SQLDialectLiteralTests {
    /// Reads one literal at the start of `sql` by the dialect's rules; returns the text and what follows.
    static func read(_ sql: String, _ dialect: SQLDialect) -> (String, String)? {
        var scalars = Array(sql.unicodeScalars)[...]
        guard scalars.first == "'" else { return nil }
        scalars = scalars.dropFirst()
        var out = String.UnicodeScalarView()
        let backslash = dialect == .spark || dialect == .bigquery
        while let c = scalars.first {
            scalars = scalars.dropFirst()
            if backslash, c == "\\" {
                guard let next = scalars.first else { return nil }
                scalars = scalars.dropFirst()
                switch next {
                case "n": out.append("\n")
                case "r": out.append("\r")
                case "t": out.append("\t")
                default: out.append(next)
                }
            } else if c == "'" {
                if !backslash, scalars.first == "'" {
                    scalars = scalars.dropFirst()
                    out.append("'")
                } else {
                    return (String(out), String(String.UnicodeScalarView(scalars)))
                }
            } else {
                out.append(c)
            }
        }
        return nil
    }

    static let hostile = ["plain", "O'Brien", "it''s", "back\\slash\\", "\\'; DROP TABLE contacts; --", "x' OR '1'='1",
                          "line\nbreak", "tab\there", "ä ö 😀", "'", "\\", ""]

    @Test(arguments: SQLDialect.allCases)
    func literalReadsBackToItsText(dialect: SQLDialect) {
        for text in Self.hostile {
            let literal = dialect.literal(text)
            let read = Self.read(literal + " AND rest", dialect)
            #expect(read?.0 == text, "\(dialect) \(literal)")
            #expect(read?.1 == " AND rest", "\(dialect) \(literal)")
        }
    }

    @Test func literalsOfEachDialect() {
        #expect(SQLDialect.duckdb.literal("O'Brien \\ x") == "'O''Brien \\ x'")
        #expect(SQLDialect.postgres.literal("O'Brien \\ x") == "'O''Brien \\ x'")
        #expect(SQLDialect.trino.literal("O'Brien") == "'O''Brien'")
        #expect(SQLDialect.spark.literal("O'Brien \\ x") == "'O\\'Brien \\\\ x'")
        #expect(SQLDialect.bigquery.literal("a\nb") == "'a\\nb'")
    }

    @Test func valuesWithQuotesStayInsideTheirLiteral() throws {
        let condition = RuleCondition.oneOf(["x' OR '1'='1", "back\\slash"], field: .category)
        #expect(try TaxonomySQLCompilerTests.compile(condition) == "vl_category IN ('x'' or ''1''=''1', 'back\\slash')")
        #expect(try TaxonomySQLCompilerTests.compile(condition, dialect: .bigquery) ==
                "vl_category IN ('x\\' or \\'1\\'=\\'1', 'back\\\\slash')")
    }

    @Test func identifiersAreQuotedPerPart() {
        #expect(SQLDialect.duckdb.identifier("a.b\"c") == "\"a\".\"b\"\"c\"")
        #expect(SQLDialect.bigquery.identifier("p.d.t`") == "`p`.`d`.`t\\``")
        #expect(SQLDialect.spark.identifier("t`") == "`t```")
    }

    @Test func dialectNames() throws {
        #expect(try SQLAction.dialect("DuckDB") == .duckdb)
        #expect(SQLDialect.names == ["duckdb", "spark", "trino", "bigquery", "postgres"])
        #expect(throws: ContactStatError.self) { try SQLAction.dialect("oracle") }
    }

    @Test func numbersReadBackExactly() {
        #expect(SQLDialect.number(6) == "6")
        #expect(SQLDialect.number(0.9) == "0.9")
        #expect(SQLDialect.number(0.1 + 0.2) == "0.30000000000000004")
        #expect(SQLDialect.duckdb.double(2.5) == "CAST(2.5 AS DOUBLE)")
        #expect(SQLDialect.postgres.double(2.5) == "CAST(2.5 AS DOUBLE PRECISION)")
        #expect(SQLDialect.bigquery.double(2.5) == "CAST(2.5 AS FLOAT64)")
    }
}
