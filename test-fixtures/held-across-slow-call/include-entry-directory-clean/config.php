<?php
// Another configuration, at the project root: not what public/ scripts include.
sleep(5);
