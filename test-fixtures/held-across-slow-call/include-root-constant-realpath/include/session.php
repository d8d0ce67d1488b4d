<?php
// Every page includes this through bootstrap.php: it starts the session and keeps it open.
session_start();
