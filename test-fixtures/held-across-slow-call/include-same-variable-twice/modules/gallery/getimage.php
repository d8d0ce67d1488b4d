<?php
// A stand-alone endpoint the browser requests directly: no session. Included by nothing.
echo file_get_contents('https://images.example.com/' . basename($_GET['image']));
