<?php
// A static page.
echo 'About us';
