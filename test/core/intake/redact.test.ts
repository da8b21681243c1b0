import { describe, expect, it } from 'vitest';
import { redactPersonalData } from '../../../core/intake/index.ts';

describe('redactPersonalData', () => {
  it.each([
    ['我的电话是13812345678，冰箱不制冷', '我的电话是[phone]，冰箱不制冷'],
    ['call me on +86 138 1234 5678 please', 'call me on [phone] please'],
    ['手机 138-1234-5678', '手机 [phone]'],
    ['座机010-12345678转123', '座机[phone]'],
    ['(0755) 8888 8888 anytime', '[phone] anytime'],
    ['my HK number is 9123 4567', 'my HK number is [phone]'],
    ['台灣手機 0912-345-678', '台灣手機 [phone]'],
    ['+44 7911 123456 is my mobile', '[phone] is my mobile'],
    ['联系8613812345678', '联系[phone]'],
    ['email me at wang.xm+fridge@example.com.cn', 'email me at [email]'],
    ['邮箱：xiaoming@qq.com', '邮箱：[email]'],
    ['身份证号110101199003074518', '身份证号[id]'],
    ['ID 11010119900307451X ok', 'ID [id] ok'],
    ['我叫王小明，洗衣机漏水', '我叫[name]，洗衣机漏水'],
    ['姓名：欧阳娜娜', '姓名：[name]'],
    ['my name is John Smith and my fridge is warm', 'my name is [name] and my fridge is warm'],
    ['My name is Mary. The TV has no sound', 'My name is [name]. The TV has no sound'],
    ['地址：深圳市南山区科技园路100号，空调漏水', '地址：[address]，空调漏水'],
    ['我住在北京市朝阳区建国路88号3栋。冰箱很吵', '我住在[address]。冰箱很吵'],
    [
      'address: 12 Main Street, Springfield; the washer stops',
      'address: [address]; the washer stops',
    ],
    ['I live at 221B Baker St. The oven sparks', 'I live at [address]. The oven sparks'],
    ['就在科技园路100号3栋1201室', '[address]'],
    ['call me on 13812345678', 'call me on [phone]'],
    [
      '我叫李雷，电话13912345678，地址：上海市浦东新区张江路5号，微波炉冒烟',
      '我叫[name]，电话[phone]，地址：[address]，微波炉冒烟',
    ],
  ])('redacts %j', (text, redacted) => {
    expect(redactPersonalData(text)).toBe(redacted);
  });

  it.each([
    '冰箱不制冷了，显示E21',
    'washer stops mid-cycle with E21',
    '型号BCD-215TDGA，2024-03-14买的',
    'model KFR-35GW/BP3DN8Y bought 3 months ago',
    '买了一年多了，压缩机一直响',
    'it costs 1999 yuan',
    '明天下午3点到5点',
    '订单20240314已付款',
  ])('keeps %j, which holds no personal data', (text) => {
    expect(redactPersonalData(text)).toBe(text);
  });

  it('is idempotent', () => {
    const once = redactPersonalData('我叫王小明，电话13812345678，邮箱a@b.cn');
    expect(redactPersonalData(once)).toBe(once);
  });
});
