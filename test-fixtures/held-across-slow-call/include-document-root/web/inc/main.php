<?php
// Included by every page from the web server's document root.
session_start();
