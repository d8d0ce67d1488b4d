<?php
// Opens the session: only a page whose imploded path names this file holds it.
session_start();
