<?php
// Included by every page through the configured library folder: opens the session.
session_start();
