"""The scenario canvas: a node editor over `app.scenarios.graph.Scenario` with undo/redo.

`ScenarioCanvas` (view.py) is the widget; `NodePalette` (palette.py) lists node types to drag in.
"""

from ui.scenarios.canvas.palette import NODE_TYPE_MIME, NodePalette
from ui.scenarios.canvas.view import ScenarioCanvas

__all__ = ["NODE_TYPE_MIME", "NodePalette", "ScenarioCanvas"]
