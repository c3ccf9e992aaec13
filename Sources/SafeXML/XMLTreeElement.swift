import Foundation
import CLibXSLT

extension XMLTree {
    /// A read-only view of one element of a parsed tree. It keeps the tree alive, so it is safe to
    /// hold for as long as needed; it never lets a C pointer out.
    public struct Element {
        let tree: XMLTree
        let node: xmlNodePtr

        /// The element's local name (without prefix).
        public var name: String {
            String(cString: node.pointee.name)
        }

        /// The element's namespace URI, if any.
        public var namespace: String? {
            node.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
        }

        /// The line the element starts on in its source.
        public var line: Int {
            Int(xmlGetLineNo(node))
        }

        /// The child elements, in document order.
        public var children: [Element] {
            var result: [Element] = []
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { result.append(Element(tree: tree, node: current)) }
                child = current.pointee.next
            }
            return result
        }

        /// The child elements with local name `name`.
        public func children(named name: String) -> [Element] {
            children.filter { $0.name == name }
        }

        /// The first child element with local name `name`.
        public func child(named name: String) -> Element? {
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE, String(cString: current.pointee.name) == name {
                    return Element(tree: tree, node: current)
                }
                child = current.pointee.next
            }
            return nil
        }

        /// All the text inside the element, with entities and character references resolved.
        public var text: String {
            guard let content = xmlNodeGetContent(node) else { return "" }
            defer { free(content) }
            return String(cString: content)
        }

        /// The text of the child element `name`, trimmed; nil when there is no such child or it is empty.
        public func text(of name: String) -> String? {
            guard let text = child(named: name)?.text.trimmingWhitespace(), !text.isEmpty else { return nil }
            return text
        }

        /// The value of the attribute `name` (no namespace).
        public func attribute(_ name: String) -> String? {
            guard let value = xmlGetNoNsProp(node, name) else { return nil }
            defer { free(value) }
            return String(cString: value)
        }

        /// The path of local names from the root, for messages: `CTfile/CTFpupilData/Pupil[3]/UPN`.
        public var path: String {
            var names: [String] = []
            var current: xmlNodePtr? = node
            while let element = current, element.pointee.type == XML_ELEMENT_NODE {
                var name = String(cString: element.pointee.name)
                var index = 1, count = 0
                var sibling = element.pointee.parent?.pointee.children
                while let other = sibling {
                    if other.pointee.type == XML_ELEMENT_NODE, xmlStrEqual(other.pointee.name, element.pointee.name) != 0 {
                        count += 1
                        if other == element { index = count }
                    }
                    sibling = other.pointee.next
                }
                if count > 1 { name += "[\(index)]" }
                names.append(name)
                current = element.pointee.parent
            }
            return names.reversed().joined(separator: "/")
        }
    }

    /// The root element.
    public var root: Element? {
        xmlDocGetRootElement(pointer).map { Element(tree: self, node: $0) }
    }
}
