<?php
// The project's configuration ships the image cache off and the thumbnails on.
define('USE_CACHE', false);
define('USE_THUMBNAILS', true);
