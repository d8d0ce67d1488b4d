<?php
// Slow work at the top level of an included file.
sleep(5);
