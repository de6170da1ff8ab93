"""ST.96 schema packages: opening them, knowing their document types, finding them."""

from st96kit.schemas.locate import SCHEMAS_ENV, available, candidates, find_package, open_package
from st96kit.schemas.package import DocumentType, SchemaPackage, check_version

__all__ = [
    "SCHEMAS_ENV",
    "DocumentType",
    "SchemaPackage",
    "available",
    "candidates",
    "check_version",
    "find_package",
    "open_package",
]
