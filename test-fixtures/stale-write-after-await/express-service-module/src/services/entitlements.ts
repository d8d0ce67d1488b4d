// A service module: loads the account's features from another service over HTTP.
import axios from 'axios';

export async function loadEntitlements(accountId: string): Promise<string[]> {
  const { data } = await axios.get(`https://entitlements.internal/accounts/${accountId}`);
  return data.features;
}

export function describePlan(features: readonly string[]): string {
  return features.includes('pro') ? 'pro' : 'free';
}
