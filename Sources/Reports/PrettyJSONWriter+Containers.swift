/// An array or object `PrettyJSONWriter` has opened and not yet closed, or the top-level
/// value beneath them all.
struct OpenContainer {
  enum Kind { case topLevel, array, object }

  /// What has been written as the latest member's value.
  enum Slot: Equatable {
    case empty
    case written
    /// An array or object, still open one level up, opened by the encoder of this member.
    case container(id: Int)
  }

  let kind: Kind
  /// Tells this container apart from one opened later at the same level.
  let id: Int
  /// The indent level of the members' lines; the closing bracket's is one less.
  let valueDepth: Int
  /// Where this object's members start in `PrettyJSONWriter.members`.
  let firstMember: Int
  var count = 0
  var slot = Slot.empty
  /// Whether a key came that did not sort after the one before it.
  var needsReordering = false

  init(kind: Kind, id: Int, valueDepth: Int, firstMember: Int) {
    self.kind = kind
    self.id = id
    self.valueDepth = valueDepth
    self.firstMember = firstMember
  }
}

/// One member of an open object: where its line sits in the bytes written, from the indent
/// to the end of the value, without the separator after it, and where its key sits in it.
struct ObjectMember {
  /// Where in `PrettyJSONWriter.escapedKeys` the key is when escaping made its written bytes
  /// differ from its UTF-8 bytes, which are then compared instead; -1 for an ordinary key.
  let escapedKey: Int
  /// The first eight bytes of the key as one big-endian number (zeros past its end): two keys
  /// whose numbers differ sort as their numbers do, so most comparisons compare only these.
  let keyPrefix: UInt64
  let start: Int
  /// The bytes of the key as written, between its quotes.
  let key: Range<Int>
  var end: Int
}

/// An open array or object, as its encoding container refers to it.
///
/// Two 32-bit halves keep it, and with it an array container, small enough to be held in an
/// existential without a heap allocation. An id past 2^31 containers in one value would wrap
/// and be refused as a closed container, never written to the wrong place; a report has a
/// few hundred.
struct JSONContainerReference {
  let level: Int32
  let id: Int32

  init(level: Int, id: Int) {
    self.level = Int32(truncatingIfNeeded: level)
    self.id = Int32(truncatingIfNeeded: id)
  }
}

/// The place of one value: the member `member` (counting from 1) of the container at `level`.
struct JSONSlot {
  let level: Int
  let containerID: Int
  let member: Int
}

extension PrettyJSONWriter {
  /// Starts the next element or member of a container: closes what was opened inside the
  /// one before, writes the separator, the indent and the key, and returns where its value
  /// goes.
  mutating func beginMember(of container: JSONContainerReference, key: String?) -> JSONSlot {
    guard isOpen(container) else {
      misplace("a value was added to an array or object after it was closed")
      return JSONSlot(level: 0, containerID: -1, member: 0)
    }
    let level = Int(container.level)
    closeContainers(above: level)
    finishMember(at: level)

    if open[level].count > 0 { writeSeparator() }
    let start = bytes.count
    writeIndent(open[level].valueDepth)
    if let key { addMember(key, start: start, at: level) }

    open[level].count += 1
    open[level].slot = .empty
    return JSONSlot(level: level, containerID: Int(container.id), member: open[level].count)
  }

  /// Opens an array or object as the value of `slot`, or gives back the one already open
  /// there, as an encoder asked twice for a keyed container must.
  mutating func openContainer(_ kind: OpenContainer.Kind, in slot: JSONSlot)
    -> JSONContainerReference
  {
    let level = slot.level
    if isCurrent(slot), case .container(let id) = open[level].slot, level + 1 < open.count,
      open[level + 1].id == id, open[level + 1].kind == kind
    {
      return JSONContainerReference(level: level + 1, id: id)
    }
    guard claim(slot) else { return JSONContainerReference(level: 0, id: -1) }

    bytes.append(kind == .object ? UInt8(ascii: "{") : UInt8(ascii: "["))
    bytes.append(UInt8(ascii: "\n"))
    let id = nextContainerID
    nextContainerID += 1
    open.append(
      OpenContainer(
        kind: kind, id: id, valueDepth: open[level].valueDepth + 1, firstMember: members.count))
    open[level].slot = .container(id: id)
    return JSONContainerReference(level: level + 1, id: id)
  }

  /// Writes an empty object as the value of `slot` if nothing has been written there, as
  /// `JSONEncoder` stands in for an `Encodable` that encodes nothing.
  mutating func writeEmptyObjectIfNothing(in slot: JSONSlot) {
    guard isCurrent(slot), open[slot.level].slot == .empty else { return }
    writeEmptyObject(at: slot.level)
  }

  /// Takes `slot` for a value about to be written there; false, with the error kept, when
  /// it is no longer the latest member of its container or already holds a value.
  mutating func claim(_ slot: JSONSlot) -> Bool {
    guard isCurrent(slot), open[slot.level].slot == .empty else {
      misplace(
        "a value was encoded where one had been encoded already or after its container moved on")
      return false
    }
    closeContainers(above: slot.level)
    open[slot.level].slot = .written
    return true
  }

  mutating func closeContainers(above level: Int) {
    while open.count - 1 > level { closeInnermost() }
  }

  private func isOpen(_ container: JSONContainerReference) -> Bool {
    let level = Int(container.level)
    return level < open.count && open[level].id == Int(container.id)
  }

  private func isCurrent(_ slot: JSONSlot) -> Bool {
    slot.level < open.count && open[slot.level].id == slot.containerID
      && open[slot.level].count == slot.member
  }

  private mutating func addMember(_ key: String, start: Int, at level: Int) {
    bytes.append(UInt8(ascii: "\""))
    let keyStart = bytes.count
    writeEscaped(key)
    var escapedKey = -1
    if bytes.count - keyStart != key.utf8.count {
      escapedKey = escapedKeys.count
      escapedKeys.append(key)
    }
    let written = keyStart..<bytes.count
    let keyPrefix = Self.prefix(of: escapedKey < 0 ? bytes[written] : Array(key.utf8)[...])
    let member = ObjectMember(
      escapedKey: escapedKey, keyPrefix: keyPrefix, start: start, key: written, end: start)
    bytes.append(UInt8(ascii: "\""))
    writeColon()

    members.append(member)
    if open[level].count > 0, !keyPrecedes(members.count - 2, members.count - 1) {
      open[level].needsReordering = true
    }
  }

  /// Completes the latest member of the container at `level`: a value never written becomes
  /// an empty object (a super encoder left unused), and an object member's end is noted.
  private mutating func finishMember(at level: Int) {
    guard open[level].count > 0 else { return }

    if open[level].slot == .empty { writeEmptyObject(at: level) }
    if open[level].kind == .object { members[members.count - 1].end = bytes.count }
  }

  private mutating func writeEmptyObject(at level: Int) {
    bytes.append(UInt8(ascii: "{"))
    bytes.append(UInt8(ascii: "\n"))
    bytes.append(UInt8(ascii: "\n"))
    writeIndent(open[level].valueDepth)
    bytes.append(UInt8(ascii: "}"))
    open[level].slot = .written
  }

  private mutating func closeInnermost() {
    let level = open.count - 1
    finishMember(at: level)
    let container = open.removeLast()

    if container.needsReordering { writeInKeyOrder(from: container.firstMember) }
    members.removeSubrange(container.firstMember...)
    writeNewline()
    writeIndent(container.valueDepth - 1)
    bytes.append(container.kind == .object ? UInt8(ascii: "}") : UInt8(ascii: "]"))
    open[level - 1].slot = .written
  }

  mutating func writeNewline() { bytes.append(UInt8(ascii: "\n")) }

  /// Rewrites the lines of the members of the object closing, the last bytes written, sorted
  /// by the UTF-8 bytes of their keys, keeping only the last member of each key.
  private mutating func writeInKeyOrder(from first: Int) {
    let start = members[first].start
    sortMembersByKey(from: first)

    reordered.removeAll(keepingCapacity: true)
    for index in first..<members.count {
      let isReplaced = index + 1 < members.count && !keyPrecedes(index, index + 1)
      if isReplaced { continue }
      if !reordered.isEmpty {
        reordered.append(UInt8(ascii: ","))
        reordered.append(UInt8(ascii: "\n"))
      }
      reordered += bytes[members[index].start..<members[index].end]
    }
    bytes.replaceSubrange(start..., with: reordered)
  }

  /// An insertion sort of `members[first...]` by key: stable, so that of two members with
  /// one key the later stays later, and quick for the dozen members an object has.
  private mutating func sortMembersByKey(from first: Int) {
    // A second reference to the bytes, not a copy: the sort only reads them.
    let written = bytes
    written.withUnsafeBufferPointer { written in
      for index in (first + 1)..<max(first + 1, members.count) {
        let member = members[index]
        var position = index
        while position > first,
          Self.keyPrecedes(member, members[position - 1], in: written, escapedKeys: escapedKeys)
        {
          members[position] = members[position - 1]
          position -= 1
        }
        members[position] = member
      }
    }
  }

  /// Whether the key of `members[a]` sorts before that of `members[b]`.
  private func keyPrecedes(_ a: Int, _ b: Int) -> Bool {
    bytes.withUnsafeBufferPointer { written in
      Self.keyPrecedes(members[a], members[b], in: written, escapedKeys: escapedKeys)
    }
  }

  /// The `keyPrefix` of a key's UTF-8 bytes.
  private static func prefix(of key: ArraySlice<UInt8>) -> UInt64 {
    var prefix: UInt64 = 0
    var count = 0
    for byte in key.prefix(8) {
      prefix = prefix << 8 | UInt64(byte)
      count += 1
    }
    return count == 0 ? 0 : prefix << (8 * (8 - count))
  }

  /// Whether `a`'s key sorts before `b`'s by their UTF-8 bytes.
  private static func keyPrecedes(
    _ a: ObjectMember, _ b: ObjectMember, in written: UnsafeBufferPointer<UInt8>,
    escapedKeys: [String]
  ) -> Bool {
    if a.keyPrefix != b.keyPrefix { return a.keyPrefix < b.keyPrefix }
    guard a.escapedKey < 0, b.escapedKey < 0 else {
      let key = { (member: ObjectMember) in
        member.escapedKey >= 0
          ? escapedKeys[member.escapedKey]
          : String(decoding: UnsafeBufferPointer(rebasing: written[member.key]), as: UTF8.self)
      }
      return bytesPrecede(key(a), key(b))
    }
    return UnsafeBufferPointer(rebasing: written[a.key]).lexicographicallyPrecedes(
      UnsafeBufferPointer(rebasing: written[b.key]))
  }

  /// Whether the UTF-8 bytes of `a` sort before those of `b`.
  static func bytesPrecede(_ a: String, _ b: String) -> Bool {
    var (a, b) = (a, b)
    return a.withUTF8 { a in b.withUTF8 { b in a.lexicographicallyPrecedes(b) } }
  }

  private mutating func misplace(_ description: String) {
    guard misplaced == nil else { return }
    let context = EncodingError.Context(codingPath: [], debugDescription: description)
    misplaced = EncodingError.invalidValue(description, context)
  }
}
