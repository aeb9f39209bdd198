extension Taxonomy {
    /// The `taxonomy` member of a starter configuration file, with comments documenting every key: the text
    /// `contactstat init` writes. It is a JSON5 object member (`"taxonomy": { ... }`), indented by two spaces,
    /// without a trailing comma; wrapped in `{` `}` it parses and extends the built-in taxonomy with one
    /// example cause.
    public static let starterConfigurationExample = #"""
      // Root causes: every contact gets exactly one cause (or "unclassified"). Run `contactstat causes` to see
      // the taxonomy in force, and `contactstat suggest FILE` for frequent words among unclassified contacts.
      "taxonomy": {
        // "built-in" (the default): start from the built-in taxonomy and add, override or remove causes.
        // "none": only the causes below exist.
        "extends": "built-in",
        // Built-in industry packs in force ("general" always is): retail, travel, telecom, banking,
        // public-service, it-service, energy, insurance, saas. Name only those that fit the export, e.g.
        // ["telecom"]; default: all.
        // "packs": ["retail", "travel", "telecom", "banking", "public-service", "it-service", "energy",
        //           "insurance", "saas"],
        // false (the default): diacritics count, so "ä" is not "a" (Finnish: "tähti" is not "tahti").
        // true: "ä" matches "a", "é" matches "e" (for exports typed without diacritics).
        "fold_diacritics": false,
        // Display names of first-level groups (the first path segment), used when reports roll causes up.
        "groups": { "delivery": "Order status and delivery" },
        // Built-in causes to drop, by path, or whole groups by their first segment. For example:
        // "remove": ["public-service", "feedback/suggestion"],
        "remove": [],
        "causes": [
          {
            // A new cause. "path" is lower-case segments separated by "/"; the first segment is its group.
            "path": "delivery/parcel-locker",
            "name": "Parcel locker problem",          // default: the last segment, capitalised
            "process": "Logistics",                   // the owning business process (required for a new cause)
            "avoidable": true,                        // true: failure demand; false: value demand (required)
            "reason": "A parcel locker should work without help.",   // one line: why (not) avoidable
            "description": "The customer cannot find or open a parcel locker.",
            // The candidate fix for its avoidable contacts (savings ledger): self-service, proactive-message,
            // faq or process-fix; and a one-line suggestion for the process owner.
            "fix": "self-service",
            "suggestion": "Show the locker's code and opening steps in the pick-up message.",
            // Rules assigning this cause. Matching ignores case; text is split into words of letters and
            // digits. The first rule to match wins, in this order: higher "priority" (default 0), then the more
            // specific rule (words and tests that must hold: a phrase counts its words, "all" adds up, "any"
            // takes its weakest part, "not" counts 0), then the deeper path, then the order of declaration
            // (built-in rules first). Built-in rules use priorities -10 to 20.
            "rules": [
              // keywords: any of the words; "word*" is a prefix ("automaat*": automaatti, automaatin);
              // several words make a phrase whose words must follow one another.
              { "keywords": ["parcel locker", "pakettiautomaat*", "paketautomat*"], "priority": 15 },
              // all / any / not combine conditions. "field" picks what a condition reads (inherited by nested
              // conditions): any_text (default: subject, text, category and each tag), subject, text,
              // category, tags, channel, queue, status, language, or "column:NAME" for a column of the
              // export (a rule naming a column the export lacks never matches; you get a warning).
              {
                "name": "locker will not open",
                "priority": 25,
                "all": [
                  { "keywords": ["locker*", "automaat*"] },
                  { "any": ["won't open", "will not open", "ei aukea", "ei aukea*"] },  // a string = keywords
                  { "not": { "field": "category", "equals": "Spam" } },
                ],
              },
            ],
          },
          {
            // Overriding a built-in cause: only the keys given change. Rules are added to the built-in
            // ones, unless "replace_rules": true drops those first.
            "path": "billing/invoice-question",
            "replace_rules": false,
            "rules": [
              // equals / one_of: the whole value, trimmed, ignoring case.
              { "field": "category", "one_of": ["Billing", "Laskutus"], "priority": 1 },
              // tags_contain: some tag equals one of these (with "column:NAME", the column is split on , ; |).
              { "tags_contain": ["invoice", "lasku"] },
              // phrase: like keywords, for readability.
              { "phrase": ["copy of my invoice", "kopio lasku*"] },
              // regex: ICU syntax, case-insensitive, on the first 4 KiB of the field; slower than keywords.
              { "field": "subject", "regex": "\\bINV-[0-9]{6}\\b" },
              // A rule on an export column, for example:
              // { "field": "column:Queue name", "equals": "Invoices" },
            ],
          },
        ],
      }
    """#
}
