import TextDistance
import Foundation

/// Reads the `taxonomy` section of a configuration file on top of a base taxonomy (the built-in one), as
/// documented in `Taxonomy.starterConfigurationExample`. Every error names the key path and `FILE:LINE:COLUMN`.
struct TaxonomyConfigurationReader {
    let base: Taxonomy

    static let taxonomyKeys = ["extends", "packs", "fold_diacritics", "groups", "remove", "causes"]
    static let causeKeys = ["path", "name", "process", "avoidable", "reason", "description", "rules",
                            "replace_rules", "fix", "suggestion"]
    static let operatorKeys = ["keywords", "phrase", "regex", "equals", "one_of", "tags_contain", "all", "any",
                               "not"]
    static let ruleExtraKeys = ["priority", "name"]

    private let tokenizer = WordTokenizer(foldDiacritics: false)

    init(base: Taxonomy) {
        self.base = base
    }

    func read(_ node: ConfigurationNode) throws -> Taxonomy {
        try node.rejectUnknownKeys(Self.taxonomyKeys)
        var extendsBase = true
        if let extendsNode = try node.member("extends") {
            switch try extendsNode.stringValue() {
            case "built-in": extendsBase = true
            case "none": extendsBase = false
            case let other:
                throw extendsNode.error("unknown value '\(other)'; expected \"built-in\" (extend the built-in "
                                        + "taxonomy) or \"none\" (replace it)")
            }
        }
        var causes = extendsBase ? base.causes : []
        var rules = extendsBase ? base.rules : []
        var groupNames = extendsBase ? base.groupNames : [:]
        var fold = extendsBase ? base.foldDiacritics : false
        var packs = extendsBase ? base.packs : []
        if let packsNode = try node.member("packs") {
            guard extendsBase else {
                throw packsNode.error("'packs' choose parts of the built-in taxonomy; with \"extends\": \"none\" "
                                      + "there is none to choose")
            }
            let items: [ConfigurationNode]
            if case .array(let list) = packsNode.value { items = list } else { items = [packsNode] }
            var chosen: Set<String> = ["general"]
            for item in items {
                let name = try item.stringValue()
                guard TaxonomyPack.named(name) != nil else {
                    let known = TaxonomyPack.all.map(\.name)
                    var message = "unknown pack '\(name)'"
                    if let suggestion = EditDistance.suggestion(for: name, among: known) {
                        message += "; did you mean '\(suggestion)'?"
                    }
                    throw item.error(message + " (packs: \(known.joined(separator: ", ")))")
                }
                chosen.insert(name)
            }
            packs = TaxonomyPack.all.map(\.name).filter { chosen.contains($0) }
            let dropped = Set(causes.filter { !chosen.contains(TaxonomyPack.pack(ofGroup: $0.group)) }.map(\.path))
            causes.removeAll { dropped.contains($0.path) }
            rules.removeAll { dropped.contains($0.cause) }
        }
        if let foldNode = try node.member("fold_diacritics") { fold = try foldNode.boolValue() }

        if let groupsNode = try node.member("groups") {
            for member in try groupsNode.members() {
                guard Taxonomy.isValidPath(member.key), !member.key.contains("/") else {
                    throw member.node.error("'\(member.key)' is not a valid group key: use lower-case letters, "
                                            + "digits, '-' and '_'")
                }
                groupNames[member.key] = try member.node.stringValue()
            }
        }

        if let removeNode = try node.member("remove") {
            let items: [ConfigurationNode]
            if case .array(let list) = removeNode.value { items = list } else { items = [removeNode] }
            for item in items {
                let target = try item.stringValue()
                let removed = causes.filter { $0.path == target || $0.path.hasPrefix(target + "/") }
                if removed.isEmpty {
                    var message = "there is no cause or group '\(target)' to remove"
                    let known = causes.map(\.path) + Array(Set(causes.map(\.group))).sorted()
                    if let suggestion = EditDistance.suggestion(for: target, among: known) {
                        message += "; did you mean '\(suggestion)'?"
                    }
                    throw item.error(message)
                }
                let paths = Set(removed.map(\.path))
                causes.removeAll { paths.contains($0.path) }
                rules.removeAll { paths.contains($0.cause) }
            }
        }

        if let causesNode = try node.member("causes") {
            var listed: [String: ConfigurationNode] = [:]
            for causeNode in try causesNode.arrayValue() {
                try causeNode.rejectUnknownKeys(Self.causeKeys)
                guard let pathNode = try causeNode.member("path") else {
                    throw causeNode.error("a cause needs a 'path', such as \"delivery/where-is-my-order\"")
                }
                let path = try pathNode.stringValue()
                if let problem = Taxonomy.pathProblem(path) { throw pathNode.error(problem) }
                if let first = listed[path] {
                    throw pathNode.error("the cause '\(path)' is already listed at \(first.location)")
                }
                listed[path] = pathNode
                let name = try causeNode.member("name")?.stringValue()
                let process = try causeNode.member("process")?.stringValue()
                let avoidable = try causeNode.member("avoidable")?.boolValue()
                let reason = try causeNode.member("reason")?.stringValue()
                let description = try causeNode.member("description")?.stringValue()
                var fix: CauseFix?
                if let fixNode = try causeNode.member("fix") {
                    let name = try fixNode.stringValue()
                    guard let kind = CauseFix(rawValue: name) else {
                        var message = "unknown fix '\(name)'"
                        if let suggestion = EditDistance.suggestion(for: name, among: CauseFix.names) {
                            message += "; did you mean '\(suggestion)'?"
                        }
                        throw fixNode.error(message + " (fixes: \(CauseFix.names.joined(separator: ", ")))")
                    }
                    fix = kind
                }
                let suggestion = try causeNode.member("suggestion")?.stringValue()
                if let index = causes.firstIndex(where: { $0.path == path }) {
                    if let name { causes[index].name = name }
                    if let process { causes[index].process = process }
                    if let avoidable { causes[index].avoidable = avoidable }
                    if let reason { causes[index].avoidableReason = reason }
                    if let description { causes[index].description = description }
                    if let fix { causes[index].fix = fix }
                    if let suggestion { causes[index].suggestion = suggestion }
                    if try causeNode.member("replace_rules")?.boolValue() == true {
                        rules.removeAll { $0.cause == path }
                    }
                } else {
                    guard let process else {
                        throw causeNode.error("the new cause '\(path)' needs a 'process' (the owning business "
                                              + "process, such as \"Logistics\")")
                    }
                    guard let avoidable else {
                        throw causeNode.error("the new cause '\(path)' needs 'avoidable': true (failure demand) "
                                              + "or false (value demand)")
                    }
                    _ = try causeNode.member("replace_rules")?.boolValue()
                    causes.append(RootCause(path: path, name: name, process: process, avoidable: avoidable,
                                            avoidableReason: reason ?? "", description: description ?? "",
                                            fix: fix, suggestion: suggestion ?? ""))
                }
                if let rulesNode = try causeNode.member("rules") {
                    for ruleNode in try rulesNode.arrayValue() {
                        rules.append(try readRule(ruleNode, cause: path))
                    }
                }
            }
        }

        let origin = extendsBase ? "\(base.origin) + \(node.file)" : node.file
        let taxonomy = Taxonomy(unchecked: causes, rules: rules, groupNames: groupNames, foldDiacritics: fold,
                                origin: origin, packs: packs)
        if let problem = taxonomy.validationProblem() { throw node.error(problem) }
        return taxonomy
    }

    private func readRule(_ node: ConfigurationNode, cause: String) throws -> RootCauseRule {
        let label = "\(node.path) (\(node.location))"
        if case .string = node.value {
            return RootCauseRule(cause: cause, label: label, try readCondition(node, field: .anyText, extra: []))
        }
        let priority = try node.member("priority")?.intValue() ?? 0
        var name = label
        if let given = try node.member("name")?.stringValue() { name = "'\(given)' \(label)" }
        let condition = try readCondition(node, field: .anyText, extra: Self.ruleExtraKeys)
        return RootCauseRule(cause: cause, priority: priority, label: name, condition)
    }

    /// Reads a condition object (or a string: a keyword or phrase on the inherited field).
    private func readCondition(_ node: ConfigurationNode, field inherited: RuleField,
                               extra: [String]) throws -> RuleCondition {
        if case .string(let text) = node.value {
            try validateTerm(text, node)
            return .keywords([text], field: inherited)
        }
        try node.rejectUnknownKeys(["field"] + Self.operatorKeys + extra)
        var field = inherited
        var explicitField = false
        if let fieldNode = try node.member("field") {
            let name = try fieldNode.stringValue()
            guard let parsed = RuleField(name: name) else {
                throw fieldNode.error("unknown field '\(name)'; expected one of "
                                      + RuleField.canonicalNames.joined(separator: ", ") + ", or column:NAME")
            }
            field = parsed
            explicitField = true
        }
        let operators = try node.members().filter { Self.operatorKeys.contains($0.key) }
        guard let op = operators.first else {
            throw node.error("a condition needs one of: " + Self.operatorKeys.joined(separator: ", "))
        }
        if operators.count > 1 {
            throw ContactStatError(.configuration,
                                   "\(node.path): '\(op.key)' and '\(operators[1].key)' in one condition; "
                                   + "combine them with all: [...] or any: [...]", at: operators[1].node.location)
        }
        let value = op.node
        switch op.key {
        case "keywords", "phrase":
            let texts = try value.stringList()
            if texts.isEmpty { throw value.error("expected at least one \(op.key == "phrase" ? "phrase" : "keyword")") }
            for (i, text) in texts.enumerated() {
                let item: ConfigurationNode
                if case .array(let items) = value.value { item = items[i] } else { item = value }
                try validateTerm(text, item)
            }
            return op.key == "phrase" ? .phrase(texts, field: field) : .keywords(texts, field: field)
        case "regex":
            let pattern = try value.stringValue()
            do {
                _ = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
            } catch {
                throw value.error("invalid regular expression '\(pattern)'")
            }
            return .regex(pattern, field: field)
        case "equals":
            return .oneOf([try value.stringValue()], field: field)
        case "one_of":
            let values = try value.stringList()
            if values.isEmpty { throw value.error("expected at least one value") }
            return .oneOf(values, field: field)
        case "tags_contain":
            let values = try value.stringList()
            if values.isEmpty { throw value.error("expected at least one tag") }
            return .tagsContain(values, field: explicitField ? field : .tags)
        case "all", "any":
            let parts = try value.arrayValue().map { try readCondition($0, field: field, extra: []) }
            return op.key == "all" ? .all(parts) : .any(parts)
        default: // "not"
            return .not(try readCondition(value, field: field, extra: []))
        }
    }

    private func validateTerm(_ text: String, _ node: ConfigurationNode) throws {
        if case .failure(let problem) = TermPattern.parse(text, tokenizer: tokenizer) {
            throw node.error(problem.message)
        }
    }
}
