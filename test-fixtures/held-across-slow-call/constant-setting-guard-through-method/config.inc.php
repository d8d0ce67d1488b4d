<?php
// The project's configuration ships the image cache off and the thumbnail cache on.
define('USE_CACHE', false);
define('USE_THUMBNAILS', true);
