<?php
// The home page: local work only.
echo 'Welcome, ' . htmlspecialchars($_SESSION['name'] ?? 'guest');
