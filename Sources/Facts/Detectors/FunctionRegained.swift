/// Function regained after a procedure or during a trial, as notes write it: improved
/// function or capacity, a regained ability, a return to work or a pastime, an activity
/// done for a measured time or distance, a walking aid given up; or its denial ("no
/// functional improvement", "no difference in positioning").
enum FunctionRegained {
  /// Whether a sentence says function was regained (`true`), says it was not (`false`), or
  /// says neither (`nil`). A denial wins.
  static func stated(in text: String) -> Bool? {
    if notRegained.occurs(in: text) { return false }
    return regained.contains { $0.occurs(in: text) } ? true : nil
  }

  /// Function regained, in the shapes notes write it rather than by listing activities:
  /// function or a capacity improved ("better sitting tolerance", "improved mobility"), a
  /// regained ability ("was able to garden", "could sleep through the night"), a return to
  /// work or a pastime, an activity done for a measured time or distance ("walked 150 feet",
  /// "slept 6 hours"), or without a walking aid.
  ///
  /// The branches of one alternation, each a pattern of its own: whether any occurs is
  /// whether the alternation does, each runs only on the sentences holding its own literals,
  /// and the first that occurs answers. The measured activity, which ICU tries at every
  /// comma and every "and" with much backtracking, is asked last.
  private static let regained = [
    #"\bfunctional (?:improvement|gains?|benefit|change)\b"#,
    #"\b(?:improved|improvement in|increased|better)\s+(?:\w+\s+){0,2}?"#
      + #"(?:function\w*|ability|mobility|tolerance|endurance|ADLs|activit\w+|range of motion"#
      + #"|sleep|\w+ing)\b"#,
    #"(?<!\bnot )(?<!n't )\b(?:able|ability) to (?!tolerate\b)\w+"#,
    #"(?<!what she |what he )\bcould (?:now |again |finally )?(?!not\b|barely\b|hardly\b"#
      + #"|only\b|no\b|be\b)\w+"#,
    #"(?<!pain )(?<!pain has )(?<!it has )(?<!pain is )\b(?:return(?:ed)?|went back|got back"#
      + #"|back) to "#
      + #"(?:[\w-]+ ){0,2}?(?:work|duty|school|\w+ing\b|(?:half|full|part)[- ](?:days?|time)"#
      + #"|(?:his|her|their|full|normal|usual) \w+)"#,
    #"\b\w+ing (?:and \w+ing )?(?:were |was |are |is )?(?:back to normal|much easier"#
      + #"|easier)\b"#,
    #"\bresum(?:ed|ing)\b"#,
    #"\bslept (?:through|all night|in (?:a|her|his) bed)"#,
    #"\b(?:walked|drove|rode|hiked|swam|ran|biked) (?:to|around|across|up|down"#
      + #"|through) (?:the|a|her|his|see|visit)\b"#,
    #"\b(?:without|w/o|stopped using|no longer (?:uses|used|needs|needed)) (?:(?:her|his|a"#
      + #"|the|any|their) )?"#
      + #"(?:cane|walker|crutch\w*|brace|wheelchair|assistive device)"#,
    #"(?:\b(?:she|he|they|I|we|and|then)\s+(?:also\s+|even\s+|finally\s+)?|[,;]\s*)"#
      + #"(?!(?:lasted|reported|rated|returned|recurred|started|began|noted|described|used|needed"#
      + #"|required|"#
      + #"experienced|waited|stayed|observed|monitored|recovered|completed|underwent|received"#
      + #"|tolerated|spent|"#
      + #"had|was|were)\b)(?:\w+ed|slept|stood|sat|ran|swam|rode|drove|drew)\s+"#
      + #"(?:\S+\s+){0,4}?(?:(?:for\s+)?(?:\d+|an?|one|two|three|several)[\s-]*"#
      + #"(?:minutes?|min|hours?|hrs?|miles?|mi|blocks?|feet|ft|yards?|laps?|holes)|"#
      + #"for hours|all (?:day|night)|the (?:whole|entire) \w+|again)\b"#,
  ].map(TextPattern.init)
  private static let notRegained = TextPattern(
    #"\b(?:no|without|denies)\s+(?:\w+\s+)?(?:functional (?:improvement|gains?|benefit|change)"#
      + #"|improvement in (?:function|activit\w+|ADLs))\b"#
      + #"|\b(?:no|not|any)\s+(?:\w+\s+){0,2}?(?:change|difference)\s+in\s+(?:what (?:she|he"#
      + #"|they) (?:could|can) do|(?:her |his )?(?:function\w*|activit\w+|ADLs))"#
      + #"|\b(?:walking|function|activity|activities|mobility) (?:did not change|was unchanged"#
      + #"|unchanged|did not improve)\b"#
      + #"|\b(?:saw|noticed|was|with) no (?:change|difference|improvement) in (?!(?:the |her "#
      + #"|his )?pain\b)\w+"#
  )
}
