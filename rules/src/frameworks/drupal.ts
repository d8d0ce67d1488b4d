import { each, mail, none, returns } from './entries';
import type { FrameworkPreset } from './preset';

const SYMFONY_SESSION = 'symfony\\component\\httpfoundation\\session\\sessioninterface';

/**
 * Drupal 8+: sessions go through Symfony's session API (`$request->getSession()`,
 * `$session->save()`), but Drupal's own `SessionHandler` has no-op `open()`/`close()` and
 * writes with a database merge: it does not lock. So the preset has no opens or closes, and
 * it overrides the Symfony preset's session entries with "no effect" (listed after it), in
 * case both are on. The risk in Drupal is lost updates, not requests waiting on each other.
 */
export const drupal: FrameworkPreset = {
  id: 'drupal',
  name: 'Drupal',
  locks: false,
  detect: {
    composer: ['drupal/core', 'drupal/core-recommended'],
    files: ['core/lib/Drupal.php', 'web/core/lib/Drupal.php', 'docroot/core/lib/Drupal.php'],
  },
  catalog: {
    methods: {
      [SYMFONY_SESSION]: {
        ...each(['start', 'get', 'set', 'has', 'all', 'replace', 'remove', 'clear', 'getbag', 'save', 'invalidate', 'migrate'], none),
      },
      'symfony\\component\\httpfoundation\\session\\session': each(['getflashbag', 'getiterator', 'count'], none),
      'symfony\\component\\httpfoundation\\session\\flashbagawaresessioninterface': { getflashbag: none },
      'symfony\\bundle\\frameworkbundle\\controller\\abstractcontroller': { addflash: none },
      drupal: { httpclient: returns('guzzlehttp\\clientinterface') },
      'drupal\\core\\http\\clientfactory': { fromoptions: returns('guzzlehttp\\client') },
      'drupal\\core\\mail\\mailmanagerinterface': { mail },
    },
    classParents: {
      'drupal\\core\\mail\\mailmanager': 'drupal\\core\\mail\\mailmanagerinterface',
    },
  },
};
