<?php
echo '<h1>Home</h1>';
