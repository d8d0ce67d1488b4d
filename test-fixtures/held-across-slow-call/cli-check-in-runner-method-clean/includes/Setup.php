<?php
define('MEDIAWIKI', true);
