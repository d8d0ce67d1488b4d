<?php
// Included by every page through a path built with implode(): opens the session.
session_start();
