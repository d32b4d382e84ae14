import { officeHostInfo, storedHostInfo, waitForOffice, WindowLike } from '../../src/taskpane/host/chooseHost';

/** Inside Office or not, from the URL Office opens; and waiting for an office.js that comes late. */

describe('officeHostInfo: the _host_Info query Office adds to the pane URL', () => {
  test('Windows desktop, the web, Mac; its UI locale', () => {
    expect(officeHostInfo('?_host_Info=Excel$Win32$16.01$vi-VN$$$$0')).toEqual({ app: 'Excel', platform: 'Win32', locale: 'vi-VN' });
    expect(officeHostInfo('?lang=en&_host_Info=Excel|Web|16.00|en-US|0b1c|isDialog=0')).toEqual({ app: 'Excel', platform: 'Web', locale: 'en-US' });
    expect(officeHostInfo('?_host_Info=Excel%24Mac%2416.01%24fr-FR%24%24%24%240&et=')).toEqual({ app: 'Excel', platform: 'Mac', locale: 'fr-FR' });
    expect(officeHostInfo('?_HOST_INFO=Excel$Win32')).toEqual({ app: 'Excel', platform: 'Win32' });
  });

  test('no query: what office.js stored for the session, else outside Office', () => {
    expect(officeHostInfo('', 'Excel$Win32$16.01$vi-VN$$$$0')).toEqual({ app: 'Excel', platform: 'Win32', locale: 'vi-VN' });
    expect(officeHostInfo('')).toBeNull();
    expect(officeHostInfo('?lang=vi')).toBeNull();
    expect(officeHostInfo('?x_host_Info=Excel')).toBeNull();
    expect(officeHostInfo('?_host_Info=%E0%A4%A')).toEqual({ app: '%E0%A4%A', platform: '' });
  });

  test('storedHostInfo: a storage that throws (blocked) is no storage', () => {
    const storage = { getItem: (k: string) => (k === 'hostInfoValue' ? 'Excel$Win32' : null) } as unknown as Storage;
    expect(storedHostInfo(() => storage)).toBe('Excel$Win32');
    expect(
      storedHostInfo(() => {
        throw new Error('SecurityError');
      }),
    ).toBeNull();
    expect(storedHostInfo(() => null)).toBeNull();
  });
});

describe('waitForOffice', () => {
  test('office.js 12 s late (simulated): still Excel, with its display language, and never "none" meanwhile', async () => {
    jest.useFakeTimers();
    try {
      const win: WindowLike = { __cchcOfficeJs: 'loading', setTimeout: (fn, ms) => setTimeout(fn, ms) };
      let result: unknown = 'pending';
      void waitForOffice(win).then((r) => (result = r));
      await jest.advanceTimersByTimeAsync(11900);
      expect(result).toBe('pending');
      win.__cchcOfficeJs = 'loaded';
      win.Office = { onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }), HostType: { Excel: 'Excel' }, context: { displayLanguage: 'vi-VN' } };
      await jest.advanceTimersByTimeAsync(200);
      expect(result).toEqual({ host: 'excel', displayLanguage: 'vi-VN' });
    } finally {
      jest.useRealTimers();
    }
  });

  test('office.js that failed and comes back after "Thử lại"; another Office app is not Excel', async () => {
    jest.useFakeTimers();
    try {
      const win: WindowLike = { __cchcOfficeJs: 'failed', setTimeout: (fn, ms) => setTimeout(fn, ms) };
      let result: unknown = 'pending';
      void waitForOffice(win).then((r) => (result = r));
      await jest.advanceTimersByTimeAsync(60000);
      expect(result).toBe('pending');
      win.Office = { onReady: (cb?: (i: { host: unknown; platform: unknown }) => void) => cb && cb({ host: 'Word', platform: 'PC' }) };
      await jest.advanceTimersByTimeAsync(200);
      expect(result).toEqual({ host: 'none' });
    } finally {
      jest.useRealTimers();
    }
  });
});
