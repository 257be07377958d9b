from __future__ import annotations
x: list[int] = []
def f(a: Dict[str, int], b: "X" | None = None) -> Tuple[int, ...]:
    pass
