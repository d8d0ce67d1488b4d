<?php
// The application's bootstrap: it starts the session.
session_start();
