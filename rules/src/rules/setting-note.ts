import type { SettingMark } from '../../../core/src';

/**
 * What a finding says of work that runs only when a setting is changed from its shipped value:
 * `, which needs \`$CONF['encrypt']\` changed from its shipped value \`'md5crypt'\``, naming the
 * read as written when it differs from the setting (`config_get_global('use_ldap_email')`).
 */
export function shippedNote(setting: SettingMark): string {
  const read = setting.lookup === setting.setting ? '' : ` (read by \`${setting.lookup}\`)`;
  return `, which needs the setting \`${setting.setting}\`${read} changed from the value the project ships, \`${setting.shipped}\``;
}
