"""The unit tree of an agency, built in memory from one query (R-ORG-1)."""

from dataclasses import dataclass, field


@dataclass
class UnitNode:
    unit: object
    children: list = field(default_factory=list)
    depth: int = 0

    @property
    def positions(self):
        return list(self.unit.positions.all())

    @property
    def leaders(self):
        return [p for p in self.positions if p.is_leader]

    @property
    def staff(self):
        return [p for p in self.positions if not p.is_leader]


@dataclass
class UnitTree:
    roots: list

    def walk(self):
        """Every node, parents before children, siblings in display order."""
        stack = list(reversed(self.roots))
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def __bool__(self):
        return bool(self.roots)


def build_unit_tree(units):
    """Arrange ``units`` (any iterable, typically one queryset) as a tree."""
    nodes = {unit.pk: UnitNode(unit) for unit in units}
    roots = []
    for node in nodes.values():
        parent = nodes.get(node.unit.parent_id)
        (parent.children if parent else roots).append(node)
    order = lambda node: (node.unit.sort_order, node.unit.name)  # noqa: E731
    for node in nodes.values():
        node.children.sort(key=order)
    roots.sort(key=order)
    tree = UnitTree(roots)
    for node in tree.walk():
        for child in node.children:
            child.depth = node.depth + 1
    return tree
