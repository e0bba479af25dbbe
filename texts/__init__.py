"""Every sentence a user reads, in Vietnamese, in one catalogue so it can be reviewed.

Split by consumer (common, data, map, imports, exports); each sentence is defined
once and read as `texts.NAME` everywhere. Modules format them with str.format();
placeholders are named.
"""

from texts.common import *  # noqa: F401,F403
from texts.data import *  # noqa: F401,F403
from texts.exports import *  # noqa: F401,F403
from texts.imports import *  # noqa: F401,F403
from texts.map import *  # noqa: F401,F403
