"""conftest.py - make tests/system importable as plain modules."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "system"))
