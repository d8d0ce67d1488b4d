<?php
// Included by the page before anything opens the session: in the page's request this start
// takes the lock, and nothing after it (here or in the page) writes the session.
session_start(); // expect: prefer-read-and-close
echo '<header>' . htmlspecialchars($_SESSION['name'] ?? 'guest') . '</header>';
