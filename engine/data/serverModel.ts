import type { Factor } from '../factors/factor';
import type { Components } from '../manifest/types.generated';

/**
 * The default methodology's server model: BoaviztAPI's component lines (CPU, memory, disks, power
 * supplies, case, motherboard, assembly) plus one platform term for what those lines leave out
 * (network cards, fans, backplanes and risers, cables, drive cages, the rest of the PCBs), which
 * published vendor server PCFs include. The term is calibrated on the Dell PowerEdge and HPE
 * ProLiant PCFs that state their configuration (SERVER_CALIBRATION): for each, the published
 * manufacturing figure less the component lines of its configuration. Its value is the median of
 * those residuals and its range their extremes (by chassis: blade or not), so that every published figure of the set falls
 * inside the range of its configuration (test/unit/data/serverCalibration.test.ts recomputes it).
 */

/** One published server PCF with the configuration it was computed for. */
export interface ServerPcf {
  vendor: 'Dell' | 'HPE';
  name: string;
  /** Year of the PCF document. */
  year: number;
  /** Whole life cycle (4 years of use in the EU), kgCO2e. */
  totalKg: number;
  /** Share of the total from manufacturing. */
  manufacturingShare: number;
  /** The configuration as the dataset states it. */
  configuration: string;
  /**
   * The configuration as components: CPU count, memory in 16 GB modules (the dataset gives only
   * the total), drives with their capacities (HPE gives only a count: 480 GB assumed), chassis;
   * CPU model, power supplies and motherboard are not stated, so BoaviztAPI's defaults apply.
   */
  components: Components;
  url: string;
  /** Why the row is left out of the calibration, if it is. */
  excluded?: string;
}

export const SERVER_CALIBRATION_SOURCE =
  'Boavizta environmental-footprint-data, boavizta-data-us.csv (ODbL 1.0, © Boavizta contributors, commit 61323eb): every Dell PowerEdge and HPE ProLiant row with a manufacturing share and a configuration; figures restated from the dataset, the vendor PDFs were not opened';

export const SERVER_CALIBRATION: readonly ServerPcf[] = [
  { vendor: 'Dell', name: 'PowerEdge C4130', year: 2019, totalKg: 12700, manufacturingShare: 0.095, configuration: 'x1 200GB 1.8in SSD, 16 GB, 2 CPUs, rack', components: { cpu: { units: 2 }, ram: [{ units: 1, capacityGb: 16 }], ssd: [{ units: 1, capacityGb: 200 }], chassis: 'rack' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-c4130.pdf' },
  { vendor: 'Dell', name: 'PowerEdge C4140', year: 2019, totalKg: 6800, manufacturingShare: 0.183, configuration: 'No Hard Drive, 32 GB, 2 CPUs, rack', components: { cpu: { units: 2 }, ram: [{ units: 2, capacityGb: 16 }], ssd: [], chassis: 'rack' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-c4140.pdf' },
  { vendor: 'Dell', name: 'PowerEdge C6420', year: 2019, totalKg: 6510, manufacturingShare: 0.185, configuration: 'x4 2.5in HDD Blank, 32 GB, 2 CPUs, rack', components: { cpu: { units: 2 }, ram: [{ units: 2, capacityGb: 16 }], ssd: [], chassis: 'rack' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-c6420.pdf' },
  { vendor: 'Dell', name: 'PowerEdge FC430', year: 2019, totalKg: 5680, manufacturingShare: 0.277, configuration: 'x2 200GB SSD 1.8in, 16 GB, 2 CPUs, blade', components: { cpu: { units: 2 }, ram: [{ units: 1, capacityGb: 16 }], ssd: [{ units: 2, capacityGb: 200 }], chassis: 'blade' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-fc430.pdf' },
  { vendor: 'Dell', name: 'PowerEdge FC630', year: 2019, totalKg: 6570, manufacturingShare: 0.245, configuration: 'x2 300GB 2.5in HDD, 16 GB, 2 CPUs, blade', components: { cpu: { units: 2 }, ram: [{ units: 1, capacityGb: 16 }], ssd: [], hdd: { units: 2 }, chassis: 'blade' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-fc630.pdf' },
  { vendor: 'Dell', name: 'PowerEdge FC640', year: 2019, totalKg: 7460, manufacturingShare: 0.217, configuration: 'x2 300GB 2.5in HDD, 16 GB, 2 CPUs, blade', components: { cpu: { units: 2 }, ram: [{ units: 1, capacityGb: 16 }], ssd: [], hdd: { units: 2 }, chassis: 'blade' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-fc640.pdf' },
  { vendor: 'Dell', name: 'PowerEdge FC830', year: 2019, totalKg: 8970, manufacturingShare: 0.189, configuration: 'x2 300GB 2.5in HDD, 32 GB, 2 CPUs, blade', components: { cpu: { units: 2 }, ram: [{ units: 2, capacityGb: 16 }], ssd: [], hdd: { units: 2 }, chassis: 'blade' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-fc830.pdf' },
  { vendor: 'Dell', name: 'PowerEdge M630', year: 2019, totalKg: 6180, manufacturingShare: 0.253, configuration: 'x2 300GB 2.5in HDD, 16 GB, 2 CPUs, blade', components: { cpu: { units: 2 }, ram: [{ units: 1, capacityGb: 16 }], ssd: [], hdd: { units: 2 }, chassis: 'blade' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-m630.pdf' },
  { vendor: 'Dell', name: 'PowerEdge M640', year: 2019, totalKg: 7000, manufacturingShare: 0.237, configuration: 'x2 480GB 2.5in HDD, 64 GB, 2 CPUs, blade', components: { cpu: { units: 2 }, ram: [{ units: 4, capacityGb: 16 }], ssd: [], hdd: { units: 2 }, chassis: 'blade' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-m640.pdf' },
  { vendor: 'Dell', name: 'PowerEdge M830', year: 2019, totalKg: 9150, manufacturingShare: 0.185, configuration: 'x2 300GB 2.5in HDD, 64 GB, 4 CPUs, blade', components: { cpu: { units: 4 }, ram: [{ units: 4, capacityGb: 16 }], ssd: [], hdd: { units: 2 }, chassis: 'blade' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-m830.pdf' },
  { vendor: 'Dell', name: 'PowerEdge R230', year: 2019, totalKg: 5380, manufacturingShare: 0.212, configuration: 'x2 1TB 2.5in HDD, 16 GB, 1 CPU, rack', components: { cpu: { units: 1 }, ram: [{ units: 1, capacityGb: 16 }], ssd: [], hdd: { units: 2 }, chassis: 'rack' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-r230.pdf' },
  { vendor: 'Dell', name: 'PowerEdge R240', year: 2019, totalKg: 5260, manufacturingShare: 0.222, configuration: 'x2 1TB 3.5in HDD, 16 GB, 1 CPU, rack', components: { cpu: { units: 1 }, ram: [{ units: 1, capacityGb: 16 }], ssd: [], hdd: { units: 2 }, chassis: 'rack' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-r240.pdf' },
  { vendor: 'Dell', name: 'PowerEdge R330', year: 2019, totalKg: 5510, manufacturingShare: 0.208, configuration: 'x2 1TB 3.5in HDD, 16 GB, 2 CPUs, rack', components: { cpu: { units: 2 }, ram: [{ units: 1, capacityGb: 16 }], ssd: [], hdd: { units: 2 }, chassis: 'rack' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-r330.pdf' },
  { vendor: 'Dell', name: 'PowerEdge R340', year: 2019, totalKg: 5230, manufacturingShare: 0.22, configuration: 'x2 1TB 3.5in HDD, 16 GB, 1 CPU, rack', components: { cpu: { units: 1 }, ram: [{ units: 1, capacityGb: 16 }], ssd: [], hdd: { units: 2 }, chassis: 'rack' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-r340.pdf' },
  { vendor: 'Dell', name: 'PowerEdge R430', year: 2019, totalKg: 8150, manufacturingShare: 0.143, configuration: 'x2 1TB 3.5in HDD, 16 GB, 2 CPUs, rack', components: { cpu: { units: 2 }, ram: [{ units: 1, capacityGb: 16 }], ssd: [], hdd: { units: 2 }, chassis: 'rack' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-r430.pdf' },
  { vendor: 'Dell', name: 'PowerEdge R440', year: 2019, totalKg: 7360, manufacturingShare: 0.157, configuration: 'x2 1.2TB 2.5in HDD, 16 GB, 2 CPUs, rack', components: { cpu: { units: 2 }, ram: [{ units: 1, capacityGb: 16 }], ssd: [], hdd: { units: 2 }, chassis: 'rack' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-r440.pdf' },
  { vendor: 'Dell', name: 'PowerEdge R540', year: 2019, totalKg: 8230, manufacturingShare: 0.15, configuration: 'x4 2TB 3.5in HDD, 32 GB, 2 CPUs, rack', components: { cpu: { units: 2 }, ram: [{ units: 2, capacityGb: 16 }], ssd: [], hdd: { units: 4 }, chassis: 'rack' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-r540.pdf' },
  { vendor: 'Dell', name: 'PowerEdge R630', year: 2019, totalKg: 7260, manufacturingShare: 0.174, configuration: 'x4 1.2TB 2.5in HDD, 16 GB, 2 CPUs, rack', components: { cpu: { units: 2 }, ram: [{ units: 1, capacityGb: 16 }], ssd: [], hdd: { units: 4 }, chassis: 'rack' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-r630.pdf' },
  { vendor: 'Dell', name: 'PowerEdge R640', year: 2019, totalKg: 7730, manufacturingShare: 0.166, configuration: 'x4 300GB 2.5in HDD, 32 GB, 2 CPUs, rack', components: { cpu: { units: 2 }, ram: [{ units: 2, capacityGb: 16 }], ssd: [], hdd: { units: 4 }, chassis: 'rack' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-r640.pdf' },
  { vendor: 'Dell', name: 'PowerEdge R6415', year: 2019, totalKg: 6840, manufacturingShare: 0.174, configuration: 'x4 1.2TB 2.5in HDD, 16 GB, 2 CPUs, rack', components: { cpu: { units: 2 }, ram: [{ units: 1, capacityGb: 16 }], ssd: [], hdd: { units: 4 }, chassis: 'rack' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-r6415.pdf' },
  { vendor: 'Dell', name: 'PowerEdge R6515', year: 2021, totalKg: 8160, manufacturingShare: 0.08, configuration: 'x2 480GB 2.5in SSD, 8 GB, 1 CPU, rack', components: { cpu: { units: 1 }, ram: [{ units: 1, capacityGb: 8 }], ssd: [{ units: 2, capacityGb: 480 }], chassis: 'rack' }, url: 'https://corporate.delltechnologies.com/asset/en-gb/products/servers/technical-support/poweredge-r6515.pdf' },
  { vendor: 'Dell', name: 'PowerEdge R6525', year: 2021, totalKg: 12700, manufacturingShare: 0.06, configuration: 'x1 480GB 2.5in SSD x1 960GB 2.5in SSD, 8 GB, 2 CPUs, rack', components: { cpu: { units: 2 }, ram: [{ units: 1, capacityGb: 8 }], ssd: [{ units: 1, capacityGb: 480 }, { units: 1, capacityGb: 960 }], chassis: 'rack' }, url: 'https://corporate.delltechnologies.com/asset/en-gb/products/servers/technical-support/poweredge-r6525.pdf' },
  { vendor: 'Dell', name: 'PowerEdge R730', year: 2019, totalKg: 7490, manufacturingShare: 0.163, configuration: 'x4 300GB 2.5in HDD, 16 GB, 2 CPUs, rack', components: { cpu: { units: 2 }, ram: [{ units: 1, capacityGb: 16 }], ssd: [], hdd: { units: 4 }, chassis: 'rack' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-r730.pdf' },
  { vendor: 'Dell', name: 'PowerEdge R730XD', year: 2019, totalKg: 8970, manufacturingShare: 0.145, configuration: 'x2 300GB 2.5in HDD x6 1TB 2.5in HDD, 32 GB, 2 CPUs, rack', components: { cpu: { units: 2 }, ram: [{ units: 2, capacityGb: 16 }], ssd: [], hdd: { units: 8 }, chassis: 'rack' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-r730xd.pdf' },
  { vendor: 'Dell', name: 'PowerEdge R740', year: 2019, totalKg: 8640, manufacturingShare: 0.152, configuration: 'x2 300GB 2.5in HDD x1 1TB 2.5in HDD, 32 GB, 2 CPUs, rack', components: { cpu: { units: 2 }, ram: [{ units: 2, capacityGb: 16 }], ssd: [], hdd: { units: 3 }, chassis: 'rack' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-r740.pdf' },
  { vendor: 'Dell', name: 'PowerEdge R740XD', year: 2019, totalKg: 9180, manufacturingShare: 0.144, configuration: 'x4 1TB 2.5in HDD x2 120GB 2.5in SSD, 32 GB, 2 CPUs, rack', components: { cpu: { units: 2 }, ram: [{ units: 2, capacityGb: 16 }], ssd: [{ units: 2, capacityGb: 120 }], hdd: { units: 4 }, chassis: 'rack' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-r740xd.pdf' },
  { vendor: 'Dell', name: 'PowerEdge R7415', year: 2019, totalKg: 8090, manufacturingShare: 0.152, configuration: 'x4 1TB 2.5in HDD x2 300GB 2.5in HDD, 8 GB, 2 CPUs, rack', components: { cpu: { units: 2 }, ram: [{ units: 1, capacityGb: 8 }], ssd: [], hdd: { units: 6 }, chassis: 'rack' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-r7415.pdf' },
  { vendor: 'Dell', name: 'PowerEdge R7425', year: 2019, totalKg: 11600, manufacturingShare: 0.113, configuration: 'x4 1TB 2.5in HDD x2 300GB 2.5in HDD, 32 GB, 2 CPUs, rack', components: { cpu: { units: 2 }, ram: [{ units: 2, capacityGb: 16 }], ssd: [], hdd: { units: 6 }, chassis: 'rack' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-r7425.pdf' },
  { vendor: 'Dell', name: 'PowerEdge R7515', year: 2021, totalKg: 8990, manufacturingShare: 0.09, configuration: 'x2 480GB 2.5in SSD, 8 GB, 1 CPU, rack', components: { cpu: { units: 1 }, ram: [{ units: 1, capacityGb: 8 }], ssd: [{ units: 2, capacityGb: 480 }], chassis: 'rack' }, url: 'https://corporate.delltechnologies.com/asset/en-gb/products/servers/technical-support/poweredge-r7515.pdf' },
  { vendor: 'Dell', name: 'PowerEdge R830', year: 2019, totalKg: 12600, manufacturingShare: 0.138, configuration: 'x4 1TB 2.5in HDD x2 300GB 2.5in HDD, 256 GB, 2 CPUs, rack', components: { cpu: { units: 2 }, ram: [{ units: 16, capacityGb: 16 }], ssd: [], hdd: { units: 6 }, chassis: 'rack' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-r830.pdf' },
  { vendor: 'Dell', name: 'PowerEdge R840', year: 2019, totalKg: 15600, manufacturingShare: 0.098, configuration: 'x4 1TB 2.5in HDD x2 300GB 2.5in HDD, 128 GB, 4 CPUs, rack', components: { cpu: { units: 4 }, ram: [{ units: 8, capacityGb: 16 }], ssd: [], hdd: { units: 6 }, chassis: 'rack' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-r840.pdf' },
  { vendor: 'Dell', name: 'PowerEdge R930', year: 2019, totalKg: 13300, manufacturingShare: 0.134, configuration: 'x2 300GB 2.5in HDD x4 2TB 2.5in HDD, 256 GB, 4 CPUs, rack', components: { cpu: { units: 4 }, ram: [{ units: 16, capacityGb: 16 }], ssd: [], hdd: { units: 6 }, chassis: 'rack' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-r930.pdf' },
  { vendor: 'Dell', name: 'PowerEdge R940', year: 2019, totalKg: 14100, manufacturingShare: 0.098, configuration: 'x2 300GB 2.5in HDD x4 2TB 2.5in HDD, 64 GB, 2 CPUs, rack', components: { cpu: { units: 2 }, ram: [{ units: 4, capacityGb: 16 }], ssd: [], hdd: { units: 6 }, chassis: 'rack' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-r940.pdf' },
  { vendor: 'Dell', name: 'PowerEdge R940xa', year: 2021, totalKg: 13200, manufacturingShare: 0.06, configuration: 'x1 480GB 2.5in SSD, 16 GB, 1 CPU, rack', components: { cpu: { units: 1 }, ram: [{ units: 1, capacityGb: 16 }], ssd: [{ units: 1, capacityGb: 480 }], chassis: 'rack' }, url: 'https://corporate.delltechnologies.com/asset/en-gb/products/servers/technical-support/poweredge-r940xa.pdf' },
  { vendor: 'Dell', name: 'PowerEdge T130', year: 2019, totalKg: 4260, manufacturingShare: 0.269, configuration: 'x2 1TB 3.5in HDD, 16 GB, 1 CPU, tower', components: { cpu: { units: 1 }, ram: [{ units: 1, capacityGb: 16 }], ssd: [], hdd: { units: 2 }, chassis: 'tower' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-t130word.pdf' },
  { vendor: 'Dell', name: 'PowerEdge T140', year: 2019, totalKg: 4480, manufacturingShare: 0.258, configuration: 'x2 1TB 3.5in HDD, 16 GB, 1 CPU, tower', components: { cpu: { units: 1 }, ram: [{ units: 1, capacityGb: 16 }], ssd: [], hdd: { units: 2 }, chassis: 'tower' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-t140.pdf' },
  { vendor: 'Dell', name: 'PowerEdge T330', year: 2019, totalKg: 4800, manufacturingShare: 0.239, configuration: 'x2 1TB 3.5in HDD, 16 GB, 1 CPU, tower', components: { cpu: { units: 1 }, ram: [{ units: 1, capacityGb: 16 }], ssd: [], hdd: { units: 2 }, chassis: 'tower' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-t330.pdf' },
  { vendor: 'Dell', name: 'PowerEdge T340', year: 2019, totalKg: 4780, manufacturingShare: 0.237, configuration: 'x2 1TB 3.5in HDD, 16 GB, 1 CPU, tower', components: { cpu: { units: 1 }, ram: [{ units: 1, capacityGb: 16 }], ssd: [], hdd: { units: 2 }, chassis: 'tower' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-t340.pdf' },
  { vendor: 'Dell', name: 'PowerEdge T430', year: 2019, totalKg: 8520, manufacturingShare: 0.142, configuration: 'x2 1TB 3.5in HDD, 16 GB, 2 CPUs, tower', components: { cpu: { units: 2 }, ram: [{ units: 1, capacityGb: 16 }], ssd: [], hdd: { units: 2 }, chassis: 'tower' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-t430.pdf' },
  { vendor: 'Dell', name: 'PowerEdge T440', year: 2019, totalKg: 7810, manufacturingShare: 0.153, configuration: 'x4 1.2TB 2.5in HDD, 16 GB, 2 CPUs, tower', components: { cpu: { units: 2 }, ram: [{ units: 1, capacityGb: 16 }], ssd: [], hdd: { units: 4 }, chassis: 'tower' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-t440.pdf' },
  { vendor: 'Dell', name: 'PowerEdge T630', year: 2019, totalKg: 8560, manufacturingShare: 0.146, configuration: 'x4 1TB 3.5in HDD, 16 GB, 2 CPUs, tower', components: { cpu: { units: 2 }, ram: [{ units: 1, capacityGb: 16 }], ssd: [], hdd: { units: 4 }, chassis: 'tower' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-t630.pdf' },
  { vendor: 'Dell', name: 'PowerEdge T640', year: 2019, totalKg: 8000, manufacturingShare: 0.164, configuration: 'x2 300GB 2.5in HDD x4 1.2TB 2.5in HDD, 32 GB, 2 CPUs, tower', components: { cpu: { units: 2 }, ram: [{ units: 2, capacityGb: 16 }], ssd: [], hdd: { units: 6 }, chassis: 'tower' }, url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-t640.pdf' },
  { vendor: 'HPE', name: 'ProLiant DL345 Gen10 Plus', year: 2021, totalKg: 8370, manufacturingShare: 0.299, configuration: '0 SSD, 32 GB, 1 CPU', components: { cpu: { units: 1 }, ram: [{ units: 2, capacityGb: 16 }], ssd: [], chassis: 'rack' }, url: 'https://www.hpe.com/psnow/downloadDoc/HPE%20product%20carbon%20footprint%20%E2%80%93%20HPE%20ProLiant%20DL345%20Gen10%20Plus%20server%20data%20sheet-a50005151enw.pdf', excluded: 'Manufacturing 29.9% of 8,370 kg (2,503 kg) against 8.5% (678 kg) for the DL365 Gen10 Plus with the same stated configuration (1 CPU, 32 GB, no drive): the configuration in the dataset cannot explain it' },
  { vendor: 'HPE', name: 'ProLiant DL365 Gen10 Plus', year: 2021, totalKg: 7980, manufacturingShare: 0.085, configuration: '0 SSD, 32 GB, 1 CPU', components: { cpu: { units: 1 }, ram: [{ units: 2, capacityGb: 16 }], ssd: [], chassis: 'rack' }, url: 'https://www.hpe.com/psnow/downloadDoc/HPE%20product%20carbon%20footprint%20%E2%80%93%20HPE%20ProLiant%20DL365%20Gen10%20Plus%20server%20data%20sheet-a50005152enw.pdf' },
  { vendor: 'HPE', name: 'ProLiant DL380 Gen10', year: 2021, totalKg: 4780, manufacturingShare: 0.104, configuration: '1 SSD, 32 GB, 1 CPU', components: { cpu: { units: 1 }, ram: [{ units: 2, capacityGb: 16 }], ssd: [{ units: 1, capacityGb: 480 }], chassis: 'rack' }, url: 'https://www.hpe.com/psnow/downloadDoc/HPE%20product%20carbon%20footprint%20%E2%80%93%20HPE%20ProLiant%20DL380%20Gen10%20server%20data%20sheet-a50004545enw.pdf' },
  { vendor: 'HPE', name: 'ProLiant DL385 Gen10', year: 2021, totalKg: 5360, manufacturingShare: 0.128, configuration: '4 SSD, 64 GB, 2 CPUs', components: { cpu: { units: 2 }, ram: [{ units: 4, capacityGb: 16 }], ssd: [{ units: 4, capacityGb: 480 }], chassis: 'rack' }, url: 'https://www.hpe.com/psnow/downloadDoc/HPE%20product%20carbon%20footprint%20%E2%80%93%20HPE%20ProLiant%20DL385%20Gen10%20server%20data%20sheet-a50002756enw.pdf' },
  { vendor: 'HPE', name: 'ProLiant DL580 Gen10', year: 2021, totalKg: 15800, manufacturingShare: 0.037, configuration: '1 SSD, 16 GB, 1 CPU', components: { cpu: { units: 1 }, ram: [{ units: 1, capacityGb: 16 }], ssd: [{ units: 1, capacityGb: 480 }], chassis: 'rack' }, url: 'https://www.hpe.com/psnow/downloadDoc/HPE%20product%20carbon%20footprint%20%E2%80%93%20HPE%20ProLiant%20DL580%20Gen10%20server%20data%20sheet-a50005153enw.pdf' },
  { vendor: 'HPE', name: 'ProLiant MicroServer Gen10 Plus', year: 2021, totalKg: 2500, manufacturingShare: 0.186, configuration: '0 SSD, 8 GB, 1 CPU', components: { cpu: { units: 1 }, ram: [{ units: 1, capacityGb: 8 }], ssd: [], chassis: 'rack' }, url: 'https://www.hpe.com/psnow/downloadDoc/HPE%20product%20carbon%20footprint%20%E2%80%93%20HPE%20ProLiant%20MicroServer%20Gen10%20Plus%20data%20sheet-a50005154enw.pdf' },
];

/** Published manufacturing figure of a calibration row, kgCO2e. */
export function publishedManufacturingKg(row: ServerPcf): number {
  return row.totalKg * row.manufacturingShare;
}

const PLATFORM_SOURCE = (rows: string) =>
  `Calibrated on the ${rows} of SERVER_CALIBRATION (${SERVER_CALIBRATION_SOURCE}): published manufacturing less BoaviztAPI 2.4.1's component lines for the stated configuration; value the median residual, range the smallest and largest (docs/methodology.md, "Server calibration")`;
const PLATFORM_NOTE = '[S] Vendor figures read from the Boavizta dataset, not from the PCF documents; configurations partly assumed (see SERVER_CALIBRATION).';

// The residuals split by chassis: Dell's blade PCFs carry about 1.1 t more than BoaviztAPI's
// blade line (30.9 kg + 1/16 of an 880 kg enclosure), rack and tower servers 17–770 kg.

/** Rack and tower servers (and servers whose chassis is not given). */
export const SERVER_PLATFORM: Factor = {
  id: 'server/platform',
  label: 'Server parts the component lines leave out (NICs, fans, backplanes, cables, cages, other PCBs), rack or tower, per server',
  value: 650.784,
  min: 17.007,
  max: 770.444,
  unit: 'kgCO2e/unit',
  source: PLATFORM_SOURCE('40 rack and tower servers'),
  url: 'https://github.com/Boavizta/environmental-footprint-data',
  year: 2021,
  boundary: 'cradle-to-gate',
  note: PLATFORM_NOTE,
};

/** Blade servers: the parts left out and the blade's share of its enclosure beyond BoaviztAPI's. */
export const SERVER_PLATFORM_BLADE: Factor = {
  id: 'server/platform-blade',
  label: 'Blade server parts the component lines leave out, enclosure share included, per blade',
  value: 1168.298,
  min: 1114.812,
  max: 1223.254,
  unit: 'kgCO2e/unit',
  source: PLATFORM_SOURCE('7 Dell blade servers (PowerEdge FC and M, 2019)'),
  url: 'https://github.com/Boavizta/environmental-footprint-data',
  year: 2019,
  boundary: 'cradle-to-gate',
  note: `${PLATFORM_NOTE} Only Dell 2019 blades: a narrow range from one vendor and year.`,
};

export const SERVER_MODEL_FACTORS: readonly Factor[] = [SERVER_PLATFORM, SERVER_PLATFORM_BLADE];

/** The platform row for a chassis. */
export function platformFactorId(chassis: Components['chassis']): string {
  return chassis === 'blade' ? SERVER_PLATFORM_BLADE.id : SERVER_PLATFORM.id;
}
