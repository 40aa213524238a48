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

/// One member of an open object: its key and where its line sits in the bytes written, from
/// the indent to the end of the value, without the separator after it.
struct ObjectMember {
  let key: String
  let start: Int
  var end: Int
}

/// An open array or object, as its encoding container refers to it.
struct JSONContainerReference {
  let level: Int
  let id: Int
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
    let level = container.level
    closeContainers(above: level)
    finishMember(at: level)

    if open[level].count > 0 { bytes += Self.separator }
    let start = bytes.count
    writeIndent(open[level].valueDepth)
    if let key { addMember(key, start: start, at: level) }

    open[level].count += 1
    open[level].slot = .empty
    return JSONSlot(level: level, containerID: container.id, member: open[level].count)
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
    container.level < open.count && open[container.level].id == container.id
  }

  private func isCurrent(_ slot: JSONSlot) -> Bool {
    slot.level < open.count && open[slot.level].id == slot.containerID
      && open[slot.level].count == slot.member
  }

  private mutating func addMember(_ key: String, start: Int, at level: Int) {
    if open[level].count > 0, !Self.bytesPrecede(members[members.count - 1].key, key) {
      open[level].needsReordering = true
    }
    members.append(ObjectMember(key: key, start: start, end: start))
    writeQuoted(key)
    bytes += Self.colon
  }

  /// Completes the latest member of the container at `level`: a value never written becomes
  /// an empty object (a super encoder left unused), and an object member's end is noted.
  private mutating func finishMember(at level: Int) {
    guard open[level].count > 0 else { return }

    if open[level].slot == .empty { writeEmptyObject(at: level) }
    if open[level].kind == .object { members[members.count - 1].end = bytes.count }
  }

  private mutating func writeEmptyObject(at level: Int) {
    bytes += [UInt8(ascii: "{"), UInt8(ascii: "\n"), UInt8(ascii: "\n")]
    writeIndent(open[level].valueDepth)
    bytes.append(UInt8(ascii: "}"))
    open[level].slot = .written
  }

  private mutating func closeInnermost() {
    let level = open.count - 1
    finishMember(at: level)
    let container = open.removeLast()

    if container.needsReordering { writeInKeyOrder(members[container.firstMember...]) }
    members.removeSubrange(container.firstMember...)
    writeNewline()
    writeIndent(container.valueDepth - 1)
    bytes.append(container.kind == .object ? UInt8(ascii: "}") : UInt8(ascii: "]"))
    open[level - 1].slot = .written
  }

  mutating func writeNewline() { bytes.append(UInt8(ascii: "\n")) }

  /// Rewrites the lines of an object's members, the last bytes written, sorted by the UTF-8
  /// bytes of their keys, keeping only the last member of each key.
  private mutating func writeInKeyOrder(_ members: ArraySlice<ObjectMember>) {
    let order = members.indices.sorted { first, second in
      let (a, b) = (members[first].key, members[second].key)
      return Self.bytesPrecede(a, b) || (first < second && a == b)
    }

    reordered.removeAll(keepingCapacity: true)
    for (position, index) in order.enumerated() {
      let isReplaced =
        position + 1 < order.count && members[order[position + 1]].key == members[index].key
      if isReplaced { continue }
      if !reordered.isEmpty { reordered += Self.separator }
      reordered += bytes[members[index].start..<members[index].end]
    }
    bytes.replaceSubrange(members[members.startIndex].start..., with: reordered)
  }

  /// Whether the UTF-8 bytes of `a` sort before those of `b`, compared as contiguous bytes
  /// (`utf8.lexicographicallyPrecedes` walks them one at a time).
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
