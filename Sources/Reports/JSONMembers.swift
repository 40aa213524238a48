/// The members of an object of the JSON report, in the order `.sortedKeys` writes them: each
/// with its key and how to read its value from the object.
///
/// A type lists its members in whatever order reads best, and they are sorted here once, by
/// the UTF-8 bytes of their keys, so no object is ever sorted as it is written.
struct JSONMembers<Object>: ExpressibleByArrayLiteral, Sendable {
  let members: [JSONMember<Object>]

  init(arrayLiteral members: JSONMember<Object>...) { self.init(members) }

  init(_ members: [JSONMember<Object>]) {
    self.members = members.sorted { $0.key.lexicographicallyPrecedes($1.key) }
    let keys = self.members.map(\.key)
    precondition(zip(keys, keys.dropFirst()).allSatisfy { $0 != $1 }, "a key listed twice")
  }

  /// Writes the members of `object`, those left out because they are absent excepted.
  func write(_ object: Object, to json: inout PrettyJSONWriter) {
    // By index here and below, so that no member is copied out of its list to be written.
    for index in members.indices { members[index].write(object, &json) }
  }

  /// Writes the members of `object` and those of `other` together in key order, as one
  /// object holding both: a fact's own members and its payload's.
  ///
  /// No key may be in both lists; `JSONEncoder` would keep only the later value of one.
  func write<Other>(
    _ object: Object, merging others: JSONMembers<Other>, of other: Other,
    to json: inout PrettyJSONWriter
  ) {
    var next = 0
    for index in others.members.indices {
      let otherKey = others.members[index].key
      while next < members.count, members[next].key.lexicographicallyPrecedes(otherKey) {
        members[next].write(object, &json)
        next += 1
      }
      others.members[index].write(other, &json)
    }
    for index in next..<members.count { members[index].write(object, &json) }
  }
}

/// One member of an object of the JSON report: its key, and how to write it from the object.
struct JSONMember<Object>: Sendable {
  /// The key's UTF-8 bytes, as `.sortedKeys` compares keys.
  let key: [UInt8]
  /// Writes the member, key and value, from the object, or nothing when it is absent.
  let write: @Sendable (Object, inout PrettyJSONWriter) -> Void

  /// A member that is always written.
  static func member<Value: JSONReportValue>(
    _ key: String, _ value: @escaping @Sendable (Object) -> Value
  ) -> Self {
    let renderedKey = PrettyJSONWriter.renderedKey(key)
    return JSONMember(key: Array(key.utf8)) { object, json in
      json.writeKey(renderedKey)
      value(object).write(to: &json)
    }
  }

  /// A member left out when its value is nil, as a synthesized `Encodable` leaves it out.
  static func member<Value: JSONReportValue>(
    _ key: String, _ value: @escaping @Sendable (Object) -> Value?
  ) -> Self {
    let renderedKey = PrettyJSONWriter.renderedKey(key)
    return JSONMember(key: Array(key.utf8)) { object, json in
      guard let value = value(object) else { return }
      json.writeKey(renderedKey)
      value.write(to: &json)
    }
  }
}
